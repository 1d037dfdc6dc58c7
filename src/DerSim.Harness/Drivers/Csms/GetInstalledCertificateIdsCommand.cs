using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>GetInstalledCertificateIds (2.x only): the hash data of the station's installed certificates of some types.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="CertificateTypes">The types asked for (CSMSRootCertificate, ManufacturerRootCertificate, V2GRootCertificate, MORootCertificate, V2GCertificateChain; 2.1: OEMRootCertificate); empty: every type, certificateType left out.</param>
public sealed record GetInstalledCertificateIdsCommand(string StationId, OcppVersion Version, IReadOnlyList<string> CertificateTypes) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetInstalledCertificateIds;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) =>
        version != OcppVersion.V16 || CertificateTypes.Count == 1 ? "GetInstalledCertificateIds" : null;

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.GetInstalledCertificateIdsRequest(Wire<V16.CertificateUseEnumType>(InstallCertificateCommand.V16Use(CertificateTypes[0]), "certificate type"))
        : new Ocpp2.GetInstalledCertificateIdsRequest
    {
        CertificateType = CertificateTypes.Count == 0 ? null : [.. CertificateTypes.Select(t => Wire<Ocpp2.GetCertificateIdUseEnumType>(t, "certificate type"))],
    };
}

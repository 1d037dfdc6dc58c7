using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>InstallCertificate (2.x; 1.6 with the security extension): a CA certificate for the station to trust.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="CertificateType">What it is for: CSMSRootCertificate, ManufacturerRootCertificate, V2GRootCertificate, MORootCertificate (2.1: also OEMRootCertificate; 1.6: CentralSystemRootCertificate, ManufacturerRootCertificate).</param>
/// <param name="Certificate">The PEM-encoded X.509 certificate.</param>
public sealed record InstallCertificateCommand(string StationId, OcppVersion Version, string CertificateType, string Certificate) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.InstallCertificate;

    /// <summary>
    /// The PEM text is the CSMS's to lay out (line breaks, a final newline): the certificate it carries is compared by
    /// its DER bytes instead (Then the CSMS's "InstallCertificate" carries the certificate it was asked to install).
    /// </summary>
    public override IReadOnlyCollection<string> ChosenByCsms => ["certificate"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "InstallCertificate";

    /// <summary>The 1.6 name of a certificate use: 2.x's CSMSRootCertificate is 1.6's CentralSystemRootCertificate (the same role).</summary>
    internal static string V16Use(string use) => use == "CSMSRootCertificate" ? "CentralSystemRootCertificate" : use;

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.InstallCertificateRequest(Wire<V16.CertificateUseEnumType>(V16Use(CertificateType), "certificate type"), Certificate)
        : new Ocpp2.InstallCertificateRequest(Wire<Ocpp2.InstallCertificateUseEnumType>(CertificateType, "certificate type"), Certificate);
}

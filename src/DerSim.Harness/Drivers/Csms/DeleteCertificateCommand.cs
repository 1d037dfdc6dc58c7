using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>DeleteCertificate (2.x; 1.6 with the security extension) of the installed certificate its hash data names, as the station reported it.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="HashAlgorithm">SHA256, SHA384 or SHA512: the one the station reported the certificate with (M04.FR.07).</param>
/// <param name="IssuerNameHash">The hash of the issuer's distinguished name, in hex.</param>
/// <param name="IssuerKeyHash">The hash of the issuer's public key, in hex.</param>
/// <param name="SerialNumber">The certificate's serial number, in hex.</param>
public sealed record DeleteCertificateCommand(string StationId, OcppVersion Version, string HashAlgorithm, string IssuerNameHash, string IssuerKeyHash, string SerialNumber)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.DeleteCertificate;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "DeleteCertificate";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.DeleteCertificateRequest(new V16.CertificateHashDataType(Wire<V16.HashAlgorithmEnumType>(HashAlgorithm, "hash algorithm"), IssuerNameHash, IssuerKeyHash, SerialNumber))
        : new Ocpp2.DeleteCertificateRequest(
        new Ocpp2.CertificateHashDataType(Wire<Ocpp2.HashAlgorithmEnumType>(HashAlgorithm, "hash algorithm"), IssuerNameHash, IssuerKeyHash, SerialNumber));
}

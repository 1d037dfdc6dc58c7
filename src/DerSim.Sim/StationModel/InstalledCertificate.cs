using System.Security.Cryptography.X509Certificates;

namespace DerSim.Sim.StationModel;

/// <summary>A CA certificate in the station's trust store, with what it is for and the public key of its issuer.</summary>
/// <param name="Use">Its OCPP certificate type: CSMSRootCertificate, ManufacturerRootCertificate, V2GRootCertificate, MORootCertificate, OEMRootCertificate.</param>
/// <param name="Certificate">The certificate itself.</param>
/// <param name="IssuerKey">The issuer's public key (its own for a self-signed root).</param>
public sealed record InstalledCertificate(string Use, X509Certificate2 Certificate, PublicKey IssuerKey)
{
    /// <summary>The hash data naming it, in <paramref name="algorithm"/> (SHA256, SHA384, SHA512).</summary>
    public CertificateHashData HashData(string algorithm) => CertificateHashData.Of(Certificate, IssuerKey, algorithm);
}

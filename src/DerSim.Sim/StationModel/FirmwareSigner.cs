using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Sim.StationModel;

/// <summary>
/// A firmware signing certificate with its private key: what a manufacturer signs an image with, and the
/// signingCertificate (PEM) and signature (base64) an UpdateFirmware request carries (2.0.1 L01).
/// </summary>
/// <param name="Certificate">The signing certificate (public part).</param>
/// <param name="Key">Its private key.</param>
public sealed record FirmwareSigner(X509Certificate2 Certificate, ECDsa Key)
{
    /// <summary>The certificate in PEM, as UpdateFirmware's firmware.signingCertificate carries it.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>The base64 ECDSA signature (SHA-256, DER-encoded as OpenSSL writes it) of <paramref name="image"/>.</summary>
    public string Sign(byte[] image) =>
        Convert.ToBase64String(Key.SignData(image, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
}

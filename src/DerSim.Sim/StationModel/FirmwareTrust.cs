using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Sim.StationModel;

/// <summary>
/// What the station trusts to sign firmware: its ManufacturerRootCertificate(s) and the signing certificates it knows to
/// be revoked. <see cref="ManufacturerRoots"/> is the seam: by default the <see cref="FirmwareManufacturer.Default"/>
/// root; a certificate store (InstallCertificate of type ManufacturerRootCertificate) can replace the source.
/// </summary>
public sealed class FirmwareTrust
{
    private readonly ConcurrentDictionary<string, byte> _revoked = new(concurrencyLevel: 1, capacity: 2, StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the station's manufacturer roots come from, read at every check.</summary>
    public Func<IReadOnlyList<X509Certificate2>> ManufacturerRoots { get; set; } = () => [FirmwareManufacturer.Default.Root];

    /// <summary>Marks a signing certificate revoked (as a revocation list the station holds would).</summary>
    public void Revoke(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _revoked[certificate.SerialNumber] = 0;
    }

    /// <summary>
    /// Judges a signing certificate (PEM) at <paramref name="now"/>: Invalid when absent, unreadable or not chained to a
    /// manufacturer root (or outside its validity); Revoked when known revoked; otherwise Valid with the certificate.
    /// </summary>
    public FirmwareCertificateVerdict Judge(string? pem, DateTimeOffset now, out X509Certificate2? certificate)
    {
        certificate = null;
        if (string.IsNullOrWhiteSpace(pem))
        {
            return FirmwareCertificateVerdict.Invalid;
        }

        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            return FirmwareCertificateVerdict.Invalid;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        foreach (var root in ManufacturerRoots())
        {
            chain.ChainPolicy.CustomTrustStore.Add(root);
        }

        if (!chain.Build(leaf))
        {
            leaf.Dispose();
            return FirmwareCertificateVerdict.Invalid;
        }

        if (_revoked.ContainsKey(leaf.SerialNumber))
        {
            leaf.Dispose();
            return FirmwareCertificateVerdict.Revoked;
        }

        certificate = leaf;
        return FirmwareCertificateVerdict.Valid;
    }

    /// <summary>
    /// Whether <paramref name="signature"/> (base64) is <paramref name="certificate"/>'s signature of <paramref name="image"/>
    /// with SHA-256: ECDSA (DER or IEEE P1363 encoding) or RSA (PKCS#1 v1.5 or PSS).
    /// </summary>
    public static bool VerifySignature(byte[] image, string? signature, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(certificate);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(signature ?? "");
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length == 0)
        {
            return false;
        }

        if (certificate.GetECDsaPublicKey() is { } ec)
        {
            using (ec)
            {
                return ec.VerifyData(image, bytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                    || ec.VerifyData(image, bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }
        }

        if (certificate.GetRSAPublicKey() is { } rsa)
        {
            using (rsa)
            {
                return rsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    || rsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
            }
        }

        return false;
    }
}

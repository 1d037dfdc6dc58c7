using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Csms;

/// <summary>
/// The reference CSMS's CA for station certificates: it signs a station's PKCS#10 request into a Charging Station
/// Certificate (TLS client authentication, CN = the station id) and hands back the chain, leaf first.
/// </summary>
public sealed partial class CsmsCertificateAuthority
{
    private readonly X509Certificate2 _ca;
    private readonly TimeProvider _time;

    /// <summary>Signs with <paramref name="ca"/> (which must carry its private key), or with a throw-away CA of its own when null.</summary>
    public CsmsCertificateAuthority(X509Certificate2? ca, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _ca = ca ?? OwnCa(time.GetUtcNow());
        if (!_ca.HasPrivateKey)
        {
            throw new ArgumentException($"the CSMS's CA {_ca.Subject} carries no private key to sign with", nameof(ca));
        }
    }

    /// <summary>The CA certificate.</summary>
    public X509Certificate2 Certificate => _ca;

    /// <summary>
    /// Signs <paramref name="csrPem"/> for <paramref name="stationId"/>: the request's signature must hold and its
    /// subject CN must be the station id (2.0.1 A00.FR.405: the CSMS later checks the CN against the station); the
    /// certificate is valid for a year (never past the CA), for client authentication.
    /// </summary>
    /// <returns>The PEM chain (the new certificate, then the CA), or the reason the request cannot be signed.</returns>
    public (string? Chain, string? Refusal) Sign(string csrPem, string stationId)
    {
        CertificateRequest request;
        try
        {
            request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
        }
        catch (CryptographicException ex)
        {
            return (null, $"the CSR is not a valid PKCS#10 request: {ex.Message}");
        }

        var commonName = request.SubjectName.EnumerateRelativeDistinguishedNames()
            .FirstOrDefault(n => n.GetSingleElementType().Value == "2.5.4.3")?.GetSingleElementValue();
        if (commonName != stationId)
        {
            return (null, $"the CSR's CN is {commonName ?? "missing"}, not the station id {stationId}");
        }

        request.CertificateExtensions.Clear();
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));
        var now = _time.GetUtcNow();
        var end = now.AddYears(1) < _ca.NotAfter ? now.AddYears(1) : new DateTimeOffset(_ca.NotAfter);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signer = Signer(_ca, out var generator);
        using var issued = request.Create(_ca.SubjectName, generator, now.AddMinutes(-5), end, serial);
        return (issued.ExportCertificatePem() + "\n" + _ca.ExportCertificatePem() + "\n", null);
    }

    private static IDisposable Signer(X509Certificate2 ca, out X509SignatureGenerator generator)
    {
        if (ca.GetECDsaPrivateKey() is { } ec)
        {
            generator = X509SignatureGenerator.CreateForECDsa(ec);
            return ec;
        }

        var rsa = ca.GetRSAPrivateKey() ?? throw new InvalidOperationException($"the CSMS's CA {ca.Subject} has neither an ECDSA nor an RSA key");
        generator = X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1);
        return rsa;
    }

    private static X509Certificate2 OwnCa(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=DerSim reference CSMS CA, O=DerSim", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(2));
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Harness.Security;

/// <summary>
/// Throw-away certificates for local tests of security profiles 2 and 3 (ECDSA P-256, .NET crypto only): a CA, a
/// server certificate naming the CSMS's host, and client certificates whose subject CN is the station id
/// (OCPP 2.0.1 A00.FR.405 and the security whitepaper: the charging station certificate's
/// commonName holds the charging station identity). Not for production use.
/// </summary>
public static class TestCertificates
{
    /// <summary>A self-signed CA certificate (with its key) valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public static X509Certificate2 CreateCa(string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(name)}, O=DerSim test CA"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>
    /// A TLS server certificate signed by <paramref name="ca"/> whose subject alternative names are
    /// <paramref name="hosts"/> (IP addresses become IP entries, anything else DNS names).
    /// </summary>
    public static X509Certificate2 IssueServer(X509Certificate2 ca, IReadOnlyList<string> hosts, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        if (hosts.Count == 0)
        {
            throw new ArgumentException("a server certificate needs at least one host", nameof(hosts));
        }

        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (IPAddress.TryParse(host, out var ip))
            {
                names.AddIpAddress(ip);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        return Issue(ca, $"CN={Escape(hosts[0])}, O=DerSim test CSMS", Oids.ServerAuth, names.Build(), notBefore, notAfter);
    }

    /// <summary>A TLS client certificate signed by <paramref name="ca"/> whose subject CN is <paramref name="stationId"/>.</summary>
    public static X509Certificate2 IssueClient(X509Certificate2 ca, string stationId, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(ca, $"CN={Escape(stationId)}, O=DerSim test station", Oids.ClientAuth, null, notBefore, notAfter);

    /// <summary>The certificate's PEM text.</summary>
    public static string CertificatePem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.ExportCertificatePem() + "\n";
    }

    /// <summary>The certificate's private key as unencrypted PKCS#8 PEM.</summary>
    public static string KeyPem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("the certificate carries no ECDSA private key", nameof(certificate));
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string usage, X509Extension? names, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(ca);
        using var caKey = ca.GetECDsaPrivateKey() ?? throw new ArgumentException("the CA certificate carries no ECDSA private key", nameof(ca));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(subject), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        // A certificate must not outlive its issuer.
        var end = notAfter < ca.NotAfter ? notAfter : new DateTimeOffset(ca.NotAfter);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), notBefore, end, serial);
        return issued.CopyWithPrivateKey(key);
    }

    // RFC 4514: a value with ',', '+', '"', '\\', '<', '>', ';' or '=' must be quoted.
    private static string Escape(string value) => value.IndexOfAny([',', '+', '"', '\\', '<', '>', ';', '=']) >= 0 ? $"\"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : value;

    private static class Oids
    {
        public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
        public const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    }
}

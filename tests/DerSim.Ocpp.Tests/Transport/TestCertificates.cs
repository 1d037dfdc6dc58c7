using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>Self-signed certificates made per test run; nothing is read from or written to a store.</summary>
public static class TestCertificates
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>A server certificate for 127.0.0.1 and localhost, with its private key.</summary>
    public static X509Certificate2 Server(string name = "DerSim test CSMS") => Create(name, ServerAuth, san =>
    {
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
    });

    /// <summary>A client certificate whose subject is the station id, with its private key.</summary>
    public static X509Certificate2 Client(string stationId) => Create(stationId, ClientAuth, _ => { });

    /// <summary>The public part only, as a station would hold its CSMS's CA certificate.</summary>
    public static X509Certificate2 PublicPart(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    private static X509Certificate2 Create(string name, string usage, Action<SubjectAlternativeNameBuilder> addNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        var san = new SubjectAlternativeNameBuilder();
        addNames(san);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}

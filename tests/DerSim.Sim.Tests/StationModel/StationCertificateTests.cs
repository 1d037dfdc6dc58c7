using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>The station's own certificate: a real key pair and PKCS#10 request, and the chain it is sent checked before use.</summary>
public sealed class StationCertificateTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Test]
    public void A_chain_signed_for_the_request_by_a_trusted_root_is_installed_with_the_request_key()
    {
        using var ca = Ca("Root");
        using var certificate = new StationCertificate { TrustedRoots = [ca] };
        var csr = certificate.NewSigningRequest("CS-1", "DerSim");

        var request = CertificateRequest.LoadSigningRequestPem(csr, HashAlgorithmName.SHA256);
        request.SubjectName.Name.ShouldContain("CN=CS-1");
        var check = certificate.Install(Sign(ca, csr, Now.AddDays(-1), Now.AddDays(30)), Now);

        check.IsValid.ShouldBeTrue(check.Reason);
        certificate.Current.ShouldNotBeNull().HasPrivateKey.ShouldBeTrue();
        certificate.Current.GetNameInfo(X509NameType.SimpleName, false).ShouldBe("CS-1");
        certificate.Pending.ShouldBeFalse();
    }

    [Test]
    public void A_chain_from_a_root_the_station_does_not_trust_is_refused()
    {
        using var ca = Ca("Root");
        using var other = Ca("Other");
        using var certificate = new StationCertificate { TrustedRoots = [other] };
        var csr = certificate.NewSigningRequest("CS-1", "DerSim");

        var check = certificate.Install(Sign(ca, csr, Now.AddDays(-1), Now.AddDays(30)), Now);

        check.IsValid.ShouldBeFalse();
        check.Reason.ShouldContain("does not lead to a root the station trusts");
        certificate.Current.ShouldBeNull();
    }

    [Test]
    public void A_certificate_for_another_key_an_expired_one_or_no_PEM_is_refused()
    {
        using var ca = Ca("Root");
        using var certificate = new StationCertificate { TrustedRoots = [ca] };
        var first = certificate.NewSigningRequest("CS-1", "DerSim");
        certificate.NewSigningRequest("CS-1", "DerSim");

        certificate.Install(Sign(ca, first, Now.AddDays(-1), Now.AddDays(30)), Now).Reason.ShouldContain("not for the key of the station's signing request");
        var current = certificate.NewSigningRequest("CS-1", "DerSim");
        certificate.Install(Sign(ca, current, Now.AddDays(-10), Now.AddDays(-1)), Now).Reason.ShouldContain("is valid from");
        certificate.Install("not a certificate", Now).IsValid.ShouldBeFalse();
        certificate.Current.ShouldBeNull();
    }

    [Test]
    public void A_chain_without_a_pending_request_is_refused()
    {
        using var ca = Ca("Root");
        using var certificate = new StationCertificate { TrustedRoots = [ca] };

        certificate.Install(ca.ExportCertificatePem(), Now).Reason.ShouldContain("no signing request");
    }

    private static X509Certificate2 Ca(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(Now.AddDays(-30), Now.AddDays(365));
    }

    private static string Sign(X509Certificate2 ca, string csr, DateTimeOffset from, DateTimeOffset to)
    {
        var request = CertificateRequest.LoadSigningRequestPem(csr, HashAlgorithmName.SHA256);
        using var key = ca.GetECDsaPrivateKey()!;
        using var issued = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(key), from, to, [1, 2, 3, 4]);
        return issued.ExportCertificatePem() + "\n" + ca.ExportCertificatePem();
    }
}

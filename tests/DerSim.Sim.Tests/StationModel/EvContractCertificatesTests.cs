using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>
/// The EV's contract certificate in DerSim's EXI-free stand-in: the request carries the EV's certificate (DER, base64),
/// the response a PEM contract chain for the EV's key (base64), checked before the EV keeps it.
/// </summary>
public sealed class EvContractCertificatesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Test]
    public void A_contract_for_the_EVs_key_from_a_trusted_MO_root_is_installed_and_then_presented_for_an_update()
    {
        using var ev = new EvContractCertificates();
        using var root = Root("MO root");
        using var presented = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(ev.InstallRequest(Now)));

        var check = ev.Install(Response(root, presented.PublicKey), [root], Now);

        check.IsValid.ShouldBeTrue(check.Reason);
        ev.Contract.ShouldNotBeNull().GetNameInfo(X509NameType.SimpleName, false).ShouldBe("DEDERT000000001");
        Convert.FromBase64String(ev.UpdateRequest()).ShouldBe(ev.Contract.RawData);
    }

    [Test]
    public void A_contract_for_another_key_is_refused()
    {
        using var ev = new EvContractCertificates();
        using var root = Root("MO root");
        ev.InstallRequest(Now);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var other = new CertificateRequest("CN=other", otherKey, HashAlgorithmName.SHA256).PublicKey;

        var check = ev.Install(Response(root, other), [root], Now);

        check.IsValid.ShouldBeFalse();
        check.Reason.ShouldContain("is not for the EV's key");
        ev.Contract.ShouldBeNull();
    }

    [Test]
    public void A_response_that_is_not_base64_or_holds_no_certificate_is_refused_and_an_update_needs_a_contract()
    {
        using var ev = new EvContractCertificates();
        ev.InstallRequest(Now);

        ev.Install("not base64!", [], Now).Reason.ShouldContain("not base64 of a PEM certificate chain");
        ev.Install(Convert.ToBase64String(Encoding.UTF8.GetBytes("nothing")), [], Now).Reason.ShouldContain("holds no certificate");
        Should.Throw<InvalidOperationException>(ev.UpdateRequest);
    }

    private static X509Certificate2 Root(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(Now.AddDays(-30), Now.AddDays(365));
    }

    private static string Response(X509Certificate2 root, PublicKey key)
    {
        var request = new CertificateRequest(new X500DistinguishedName("CN=DEDERT000000001"), key, HashAlgorithmName.SHA256);
        using var signer = root.GetECDsaPrivateKey()!;
        using var contract = request.Create(root.SubjectName, X509SignatureGenerator.CreateForECDsa(signer), Now.AddDays(-1), Now.AddDays(30), [1, 2, 3]);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(contract.ExportCertificatePem() + "\n" + root.ExportCertificatePem()));
    }
}

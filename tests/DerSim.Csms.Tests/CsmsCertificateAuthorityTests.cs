using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DerSim.Csms;

namespace DerSim.Csms.Tests;

/// <summary>The reference CSMS's part in a station's certificate (A02) and in a new Basic-auth password (A01).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class CsmsCertificateAuthorityTests
{
    [Test]
    public void A_station_CSR_is_signed_into_a_chain_for_its_key_from_the_CA()
    {
        var authority = new CsmsCertificateAuthority(null, TimeProvider.System);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=CS-1, O=DerSim", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        var (chain, refusal) = authority.Sign(csr, "CS-1");

        refusal.ShouldBeNull();
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(chain!);
        certificates.Count.ShouldBe(2);
        using var leafKey = certificates[0].GetECDsaPublicKey()!;
        leafKey.ExportSubjectPublicKeyInfo().ShouldBe(key.ExportSubjectPublicKeyInfo());
        certificates[0].Issuer.ShouldBe(authority.Certificate.Subject);
        certificates[1].Thumbprint.ShouldBe(authority.Certificate.Thumbprint);
    }

    [Test]
    public void A_CSR_naming_another_station_or_no_CSR_is_refused()
    {
        var authority = new CsmsCertificateAuthority(null, TimeProvider.System);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=CS-2", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        authority.Sign(csr, "CS-1").Refusal.ShouldNotBeNull().ShouldContain("not the station id CS-1");
        authority.Sign("csr", "CS-1").Chain.ShouldBeNull();
    }

    [TestCase("Accepted", "N3wPasswordForTheStation")]
    [TestCase("Rejected", null)]
    public void Only_a_password_the_station_accepted_is_taken(string status, string? taken)
    {
        using var request = JsonDocument.Parse("""{"setVariableData":[{"attributeValue":"N3wPasswordForTheStation","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}""");
        using var answer = JsonDocument.Parse($$$"""{"setVariableResult":[{"attributeStatus":"{{{status}}}","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}""");

        AcceptedPassword.In(request.RootElement, answer.RootElement).ShouldBe(taken);
    }
}

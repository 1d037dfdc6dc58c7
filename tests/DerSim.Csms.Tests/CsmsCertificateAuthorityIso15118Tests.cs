using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DerSim.Csms;

namespace DerSim.Csms.Tests;

/// <summary>
/// The reference CSMS's ISO 15118 PKI: V2G certificates through a V2G sub-CA (A02/A03 for the V2G certificate), contract
/// certificates for the EV's key (M01/M02 stand-in) and RFC 6960 OCSP responses for what it issued (M06).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CsmsCertificateAuthorityIso15118Tests
{
    [Test]
    public void A_V2G_CSR_is_signed_through_the_V2G_sub_CA_into_a_chain_that_verifies_to_the_V2G_root()
    {
        var authority = new CsmsCertificateAuthority(null, TimeProvider.System);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=CS-1, O=DerSim", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        var (chain, refusal) = authority.SignV2G(csr, "CS-1");

        refusal.ShouldBeNull();
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(chain!);
        certificates.Count.ShouldBe(3);
        using var path = new X509Chain();
        path.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        path.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        path.ChainPolicy.CustomTrustStore.Add(authority.V2GRoot());
        path.ChainPolicy.ExtraStore.Add(certificates[1]);
        path.Build(certificates[0]).ShouldBeTrue(string.Join("; ", path.ChainStatus.Select(s => s.StatusInformation)));
        authority.SignV2G(csr, "CS-2").Refusal.ShouldNotBeNull().ShouldContain("not the station id CS-2");
    }

    [Test]
    public void A_contract_certificate_is_issued_for_the_key_of_the_certificate_the_EV_presented()
    {
        var authority = new CsmsCertificateAuthority(null, TimeProvider.System);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var presented = new CertificateRequest("CN=EV", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var (chain, emaid, refusal) = authority.IssueContract(presented.RawData);

        refusal.ShouldBeNull();
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(chain!);
        using var contractKey = certificates[0].GetECDsaPublicKey()!;
        contractKey.ExportSubjectPublicKeyInfo().ShouldBe(key.ExportSubjectPublicKeyInfo());
        certificates[0].GetNameInfo(X509NameType.SimpleName, false).ShouldBe(emaid);
        authority.IssueContract([1, 2, 3]).Refusal.ShouldNotBeNull();
    }

    [Test]
    public void The_OCSP_response_for_an_issued_sub_CA_is_a_successful_basic_response_for_that_certificate_and_none_for_another()
    {
        var authority = new CsmsCertificateAuthority(null, TimeProvider.System);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(authority.SignV2G(new CertificateRequest("CN=CS-1", key, HashAlgorithmName.SHA256).CreateSigningRequestPem(), "CS-1").Chain!);
        var subCa = certificates[1];
        var root = authority.V2GRoot();
        var nameHash = Convert.ToHexString(SHA256.HashData(root.SubjectName.RawData));
        var keyHash = Convert.ToHexString(SHA256.HashData(root.PublicKey.EncodedKeyValue.RawData));

        var der = authority.OcspResponse("SHA256", nameHash, keyHash, subCa.SerialNumber).ShouldNotBeNull();

        var response = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        response.ReadEnumeratedBytes().ToArray().ShouldBe([(byte)0]);
        var bytes = response.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
        bytes.ReadObjectIdentifier().ShouldBe("1.3.6.1.5.5.7.48.1.1");
        var basic = new AsnReader(bytes.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
        var tbs = basic.ReadSequence();
        tbs.ReadEncodedValue();
        tbs.ReadGeneralizedTime();
        var single = tbs.ReadSequence().ReadSequence();
        var certId = single.ReadSequence();
        certId.ReadSequence().ReadObjectIdentifier().ShouldBe("2.16.840.1.101.3.4.2.1");
        Convert.ToHexString(certId.ReadOctetString()).ShouldBe(nameHash);
        Convert.ToHexString(certId.ReadOctetString()).ShouldBe(keyHash);
        Convert.ToHexString(certId.ReadIntegerBytes().Span).TrimStart('0').ShouldBe(subCa.SerialNumber.TrimStart('0'));
        single.PeekTag().ShouldBe(new Asn1Tag(TagClass.ContextSpecific, 0));
        basic.ReadSequence().ReadObjectIdentifier().ShouldBe("1.2.840.10045.4.3.2");

        authority.OcspResponse("SHA256", nameHash, keyHash, "0102030405").ShouldBeNull();
        authority.OcspResponse("SHA256", keyHash, nameHash, subCa.SerialNumber).ShouldBeNull();
    }
}

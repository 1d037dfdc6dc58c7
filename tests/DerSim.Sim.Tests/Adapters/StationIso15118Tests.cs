using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DerSim.Ocpp.V21;
using DerSim.Sim.Adapters;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// The station's V2G chain as OCPP names it: the V2GCertificateChain entry of GetInstalledCertificateIds (M03.FR.05, the
/// sub-CA as child) and the OCSP request data of GetCertificateStatus (M06, the sub-CA's CertID and OCSP responder).
/// </summary>
public sealed class StationIso15118Tests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Test]
    public void The_V2G_chain_lists_the_certificate_with_its_sub_CA_as_child_and_OCSP_is_asked_for_the_sub_CA()
    {
        using var root = Ca("V2G root", null, "http://ocsp.example/root");
        using var subCa = Ca("V2G sub-CA", root, "http://ocsp.example/sub");
        using var certificate = new StationCertificate();
        var csr = CertificateRequest.LoadSigningRequestPem(certificate.NewSigningRequest("CS-1", "DerSim"), HashAlgorithmName.SHA256);
        using var signer = subCa.GetECDsaPrivateKey()!;
        using var leaf = csr.Create(subCa.SubjectName, X509SignatureGenerator.CreateForECDsa(signer), Now.AddDays(-1), Now.AddDays(30), [9, 9]);
        certificate.Install(leaf.ExportCertificatePem() + "\n" + subCa.ExportCertificatePem() + "\n" + root.ExportCertificatePem(), Now).IsValid.ShouldBeTrue();

        var chain = StationIso15118.V2GChain(certificate, "SHA256").ShouldNotBeNull();
        chain.CertificateType.ShouldBe(GetCertificateIdUseEnumType.V2GCertificateChain);
        chain.CertificateHashData.ShouldBe(Ocpp(CertificateHashData.Of(leaf, subCa.PublicKey, "SHA256")));
        chain.ChildCertificateHashData.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(Ocpp(CertificateHashData.Of(subCa, root.PublicKey, "SHA256")));

        var ocsp = StationIso15118.OcspRequests(certificate).ShouldHaveSingleItem();
        ocsp.SerialNumber.ShouldBe(CertificateHashData.Of(subCa, root.PublicKey, "SHA256").SerialNumber);
        ocsp.IssuerKeyHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(root.PublicKey.EncodedKeyValue.RawData)));
        ocsp.ResponderURL.ShouldBe("http://ocsp.example/sub");
    }

    [Test]
    public void Without_a_V2G_certificate_there_is_no_chain_and_no_OCSP_request()
    {
        using var certificate = new StationCertificate();

        StationIso15118.V2GChain(certificate, "SHA256").ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => StationIso15118.OcspRequests(certificate));
    }

    private static CertificateHashDataType Ocpp(CertificateHashData data) =>
        new(Enum.Parse<HashAlgorithmEnumType>(data.HashAlgorithm), data.IssuerNameHash, data.IssuerKeyHash, data.SerialNumber);

    private static X509Certificate2 Ca(string name, X509Certificate2? issuer, string ocsp)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, issuer is not null, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension([ocsp], null));
        if (issuer is null)
        {
            return request.CreateSelfSigned(Now.AddDays(-30), Now.AddDays(365));
        }

        using var signer = issuer.GetECDsaPrivateKey()!;
        using var issued = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(signer), Now.AddDays(-30), Now.AddDays(300), [7, 7]);
        return issued.CopyWithPrivateKey(key);
    }
}

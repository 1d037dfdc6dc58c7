using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>
/// The station's CA store on its own, with real certificates: what it takes (M05), how it names them (hash data over the
/// issuer's name and key, M03) and how it deletes them (M04).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class InstalledCertificatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_valid_root_is_installed_and_named_by_the_hashes_of_its_own_name_and_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = Root("CSMS root", key, Now.AddDays(-1), Now.AddDays(30), serial: [0x00, 0x0a, 0x1b]);
        var store = new InstalledCertificates();

        store.Install("CSMSRootCertificate", root.ExportCertificatePem(), Now).ShouldBe(InstallCertificateOutcome.Accepted);

        var point = key.ExportParameters(false).Q;
        var (use, data) = store.Find(null).ShouldHaveSingleItem();
        use.ShouldBe("CSMSRootCertificate");
        data.ShouldBe(new CertificateHashData(
            "SHA256",
            Convert.ToHexStringLower(SHA256.HashData(root.IssuerName.RawData)),
            Convert.ToHexStringLower(SHA256.HashData([0x04, .. point.X!, .. point.Y!])),
            "a1b"));
    }

    [TestCase("SHA384", 96)]
    [TestCase("SHA512", 128)]
    public void The_station_reports_in_the_algorithm_it_is_set_to(string algorithm, int hexLength)
    {
        using var root = Root("root");
        var store = new InstalledCertificates { ReportHash = algorithm };
        store.Install("CSMSRootCertificate", root.ExportCertificatePem(), Now);

        var data = store.Find(["CSMSRootCertificate"]).ShouldHaveSingleItem().HashData;

        data.HashAlgorithm.ShouldBe(algorithm);
        (data.IssuerNameHash.Length, data.IssuerKeyHash.Length).ShouldBe((hexLength, hexLength));
    }

    [Test]
    public void Invalid_or_incorrect_certificates_are_rejected()
    {
        using var expired = Root("old", validFrom: Now.AddDays(-30), validTo: Now.AddDays(-1));
        using var early = Root("early", validFrom: Now.AddDays(1), validTo: Now.AddDays(30));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=leaf", leafKey, HashAlgorithmName.SHA256);
        using var leaf = leafRequest.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(30));
        var store = new InstalledCertificates();

        store.Install("CSMSRootCertificate", "not a certificate", Now).ShouldBe(InstallCertificateOutcome.Rejected);
        store.Install("CSMSRootCertificate", expired.ExportCertificatePem(), Now).ShouldBe(InstallCertificateOutcome.Rejected);
        store.Install("CSMSRootCertificate", early.ExportCertificatePem(), Now).ShouldBe(InstallCertificateOutcome.Rejected);
        store.Install("CSMSRootCertificate", leaf.ExportCertificatePem(), Now).ShouldBe(InstallCertificateOutcome.Rejected, "not a CA");
        store.Entries.ShouldBeEmpty();
    }

    [Test]
    public void A_sub_CA_is_taken_only_once_its_issuer_is_in_the_store_and_is_named_by_the_issuer_key()
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = Root("root", rootKey, Now.AddDays(-1), Now.AddDays(30));
        using var subKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=sub CA", subKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var sub = request.Create(root, Now.AddDays(-1), Now.AddDays(20), [0x42]);
        var store = new InstalledCertificates();

        store.Install("V2GRootCertificate", sub.ExportCertificatePem(), Now).ShouldBe(InstallCertificateOutcome.Rejected, "no issuer to verify it");
        store.Install("V2GRootCertificate", root.ExportCertificatePem(), Now).ShouldBe(InstallCertificateOutcome.Accepted);
        store.Install("V2GRootCertificate", sub.ExportCertificatePem(), Now).ShouldBe(InstallCertificateOutcome.Accepted);

        var subData = store.Find(null).Single(f => f.HashData.SerialNumber == "42").HashData;
        var rootData = store.Find(null).Single(f => f.HashData.SerialNumber != "42").HashData;
        subData.IssuerKeyHash.ShouldBe(rootData.IssuerKeyHash, "the sub CA's issuer is the root: the same key");
        subData.IssuerNameHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(root.SubjectName.RawData)));
    }

    [Test]
    public void A_type_with_no_certificate_finds_nothing()
    {
        using var root = Root("root");
        var store = new InstalledCertificates();
        store.Install("CSMSRootCertificate", root.ExportCertificatePem(), Now);

        store.Find(["ManufacturerRootCertificate"]).ShouldBeEmpty();
        store.Find([]).Count.ShouldBe(1, "no type: every type");
    }

    [Test]
    public void A_certificate_is_deleted_by_its_hash_data_in_any_algorithm_and_hex_case()
    {
        using var root = Root("root");
        var store = new InstalledCertificates();
        store.Install("CSMSRootCertificate", root.ExportCertificatePem(), Now);
        store.ReportHash = "SHA512";
        var reported = store.Find(null).Single().HashData;

        store.Delete(reported with { SerialNumber = "ffff" }).ShouldBe(DeleteCertificateOutcome.NotFound);
        store.Delete(reported with { IssuerKeyHash = reported.IssuerKeyHash.ToUpperInvariant() }).ShouldBe(DeleteCertificateOutcome.Accepted);
        store.Entries.ShouldBeEmpty();
        store.Delete(reported).ShouldBe(DeleteCertificateOutcome.NotFound);
    }

    [Test]
    public void A_store_that_cannot_be_written_fails_valid_installs_and_deletions_but_still_rejects_and_finds()
    {
        using var root = Root("root");
        using var other = Root("other");
        var store = new InstalledCertificates();
        store.Install("CSMSRootCertificate", root.ExportCertificatePem(), Now);
        var reported = store.Find(null).Single().HashData;
        store.Writable = false;

        store.Install("CSMSRootCertificate", other.ExportCertificatePem(), Now).ShouldBe(InstallCertificateOutcome.Failed);
        store.Install("CSMSRootCertificate", "garbage", Now).ShouldBe(InstallCertificateOutcome.Rejected);
        store.Delete(reported).ShouldBe(DeleteCertificateOutcome.Failed);
        store.Delete(reported with { SerialNumber = "1" }).ShouldBe(DeleteCertificateOutcome.NotFound);
        store.Entries.Count.ShouldBe(1);
    }

    [Test]
    public void An_unknown_hash_algorithm_is_refused()
    {
        Should.Throw<ArgumentException>(() => new InstalledCertificates { ReportHash = "MD5" });
    }

    private static X509Certificate2 Root(string name, DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Root(name, key, validFrom ?? Now.AddDays(-1), validTo ?? Now.AddDays(30));
    }

    private static X509Certificate2 Root(string name, ECDsa key, DateTimeOffset validFrom, DateTimeOffset validTo, byte[]? serial = null)
    {
        var request = new CertificateRequest($"CN={name}, O=DerSim tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        if (serial is null)
        {
            return request.CreateSelfSigned(validFrom, validTo);
        }

        using var generator = request.CreateSelfSigned(validFrom, validTo);
        return request.Create(generator.SubjectName, X509SignatureGenerator.CreateForECDsa(key), validFrom, validTo, serial);
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DerSim.Ocpp;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// InstallCertificate, GetInstalledCertificateIds and DeleteCertificate over a real 2.0.1 and 2.1 connection
/// (schema-validated both ways), answered from the station's CA store.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CertificateHandlerTests
{
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_root_is_installed_listed_with_its_hash_data_deleted_and_then_not_found(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, "EVSE-AC-22kW-1port");
        using var root = Root(rig.Time.GetUtcNow());

        var installed = await rig.CallAsync("InstallCertificate", JsonSerializer.Serialize(new { certificateType = "CSMSRootCertificate", certificate = root.ExportCertificatePem() }));
        var listed = await rig.CallAsync("GetInstalledCertificateIds", """{"certificateType":["CSMSRootCertificate"]}""");
        var none = await rig.CallAsync("GetInstalledCertificateIds", """{"certificateType":["ManufacturerRootCertificate"]}""");

        installed.GetProperty("status").GetString().ShouldBe("Accepted");
        listed.GetProperty("status").GetString().ShouldBe("Accepted");
        var entry = listed.GetProperty("certificateHashDataChain").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("certificateType").GetString().ShouldBe("CSMSRootCertificate");
        var data = entry.GetProperty("certificateHashData");
        data.GetProperty("hashAlgorithm").GetString().ShouldBe("SHA256");
        data.GetProperty("issuerNameHash").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(root.IssuerName.RawData)));
        data.GetProperty("serialNumber").GetString().ShouldBe(root.SerialNumber.TrimStart('0').ToLowerInvariant());
        none.GetProperty("status").GetString().ShouldBe("NotFound");
        none.TryGetProperty("certificateHashDataChain", out _).ShouldBeFalse("M03.FR.02: no chain with NotFound");

        var deleted = await rig.CallAsync("DeleteCertificate", JsonSerializer.Serialize(new { certificateHashData = data }));
        var again = await rig.CallAsync("DeleteCertificate", JsonSerializer.Serialize(new { certificateHashData = data }));

        deleted.GetProperty("status").GetString().ShouldBe("Accepted");
        again.GetProperty("status").GetString().ShouldBe("NotFound");
        rig.Station.CaCertificates.Entries.ShouldBeEmpty();
    }

    [Test]
    public async Task A_certificate_that_expired_by_the_station_clock_is_rejected_and_a_store_fault_fails()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V201, "EVSE-AC-22kW-1port");
        using var expired = Root(rig.Time.GetUtcNow().AddDays(-400));
        using var valid = Root(rig.Time.GetUtcNow());

        var rejected = await rig.CallAsync("InstallCertificate", JsonSerializer.Serialize(new { certificateType = "ManufacturerRootCertificate", certificate = expired.ExportCertificatePem() }));
        rig.Station.CaCertificates.Writable = false;
        var failed = await rig.CallAsync("InstallCertificate", JsonSerializer.Serialize(new { certificateType = "ManufacturerRootCertificate", certificate = valid.ExportCertificatePem() }));

        rejected.GetProperty("status").GetString().ShouldBe("Rejected");
        failed.GetProperty("status").GetString().ShouldBe("Failed");
    }

    private static X509Certificate2 Root(DateTimeOffset around)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=handler test root, O=DerSim tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(around.AddDays(-1), around.AddDays(30));
    }
}

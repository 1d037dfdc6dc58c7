using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The block M file (certificate management) against a loopback CSMS driven through its HTTP API (the Http driver),
/// which sends one field wrong at a time: exactly the cases that send that action with that field FAIL, naming the
/// field; an honest double passes every case, in 2.0.1 and 2.1.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CertificateCaseVerdictTests
{
    private static readonly string[] Actions = ["InstallCertificate", "GetInstalledCertificateIds", "DeleteCertificate"];

    [Test]
    public async Task A_CSMS_that_sends_what_it_is_asked_passes_every_case_in_both_versions()
    {
        var results = await RunAsync(new ScriptedCsmsScript(), bothVersions: true);

        results.Count.ShouldBe(20);
        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_installs_a_CSMS_root_as_a_manufacturer_root_fails_the_cases_installing_a_CSMS_root()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("InstallCertificate", "certificateType", "\"ManufacturerRootCertificate\"") });

        Failed(results).ShouldBe(["TC_M_01_CSMS", "TC_M_05_CSMS", "TC_M_20_CSMS", "TC_M_21_CSMS"]);
        var failure = Message(results, "TC_M_01_CSMS");
        failure.ShouldContain("the CSMS's InstallCertificate has certificateType = ManufacturerRootCertificate, it was asked for CSMSRootCertificate");
        failure.ShouldContain("\"InstallCertificate\",{\"certificateType\":\"ManufacturerRootCertificate\"");
    }

    [Test]
    public async Task A_CSMS_that_deletes_with_another_hash_algorithm_than_the_station_reported_fails_TC_M_20_for_SHA384_and_SHA512()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("DeleteCertificate", "certificateHashData.hashAlgorithm", "\"SHA256\"") });

        Failed(results).ShouldBe(["TC_M_20_CSMS"]);
        results.Where(r => Case(r) == "TC_M_20_CSMS" && r.Status != ScenarioStatus.Passed).Select(r => r.Scenario.Arguments["hash"]).Order().ShouldBe(["SHA384", "SHA512"]);
        var failure = results.First(r => Case(r) == "TC_M_20_CSMS" && r.Status != ScenarioStatus.Passed).Message;
        failure.ShouldContain("the CSMS's DeleteCertificate has certificateHashData.hashAlgorithm = SHA256, it was asked for SHA");
        failure.ShouldContain("\"DeleteCertificate\",{\"certificateHashData\":{\"hashAlgorithm\":\"SHA256\"");
    }

    [Test]
    public async Task A_CSMS_that_always_asks_for_the_CSMS_roots_fails_the_cases_asking_for_another_type_or_every_type()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("GetInstalledCertificateIds", "certificateType", "[\"CSMSRootCertificate\"]") });

        Failed(results).ShouldBe(["TC_M_13_CSMS", "TC_M_18_CSMS", "TC_M_19_CSMS"]);
        Message(results, "TC_M_13_CSMS").ShouldContain("certificateType[0] = CSMSRootCertificate, it was asked for ManufacturerRootCertificate");
        var all = Message(results, "TC_M_18_CSMS");
        all.ShouldContain("the case asks the CSMS to leave certificateType out of its GetInstalledCertificateIds; it sent certificateType = [\"CSMSRootCertificate\"]");
        all.ShouldContain("\"GetInstalledCertificateIds\",{\"certificateType\":[\"CSMSRootCertificate\"]}");
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunAsync(ScriptedCsmsScript script, bool bothVersions = false)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow() });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, Actions),
        };
        return await RunFilesAsync(csms.Url, settings, bothVersions, "m-certificates.feature");
    }
}

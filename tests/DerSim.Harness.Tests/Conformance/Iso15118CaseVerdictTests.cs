using DerSim.Csms;
using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The ISO 15118 Support files (2.0.1 examples of the 2.0.1 file, the 2.1-only file) against a loopback CSMS that
/// answers the station's certificate requests from a real PKI and sends what it is asked through its HTTP API: an
/// honest one passes every case; one wrong field, wrong answer or CALLERROR fails exactly the cases it touches,
/// naming the rule and quoting the frame.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class Iso15118CaseVerdictTests
{
    [Test]
    public async Task A_CSMS_that_sends_what_it_is_asked_and_answers_from_its_PKI_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_installs_every_root_as_a_CSMS_root_fails_the_installation_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("InstallCertificate", "certificateType", "\"CSMSRootCertificate\"") });

        Failed(results).ShouldBe(["TC_M_03_CSMS", "TC_M_04_CSMS", "TC_M_101_CSMS"]);
        var failure = Message(results, "TC_M_03_CSMS");
        failure.ShouldContain("the CSMS's InstallCertificate has certificateType = CSMSRootCertificate, it was asked for V2GRootCertificate");
        failure.ShouldContain("\"InstallCertificate\",{\"certificateType\":\"CSMSRootCertificate\"");
    }

    [Test]
    public async Task A_CSMS_that_always_lists_the_CSMS_roots_fails_the_retrieval_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("GetInstalledCertificateIds", "certificateType", "[\"CSMSRootCertificate\"]") });

        Failed(results).ShouldBe(["TC_M_14_CSMS", "TC_M_15_CSMS", "TC_M_16_CSMS"]);
        Message(results, "TC_M_15_CSMS").ShouldContain("certificateType[0] = CSMSRootCertificate, it was asked for V2GCertificateChain");
    }

    [Test]
    public async Task A_CSMS_that_fails_the_EVs_certificate_requests_fails_the_contract_certificate_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongAnswerFieldIn = ("Get15118EVCertificate", "status", "\"Failed\"") });

        Failed(results).ShouldBe(["TC_M_100_CSMS", "TC_M_26_CSMS", "TC_M_28_CSMS"]);
        var failure = Message(results, "TC_M_26_CSMS");
        failure.ShouldContain("status");
        failure.ShouldContain("Failed");
        failure.ShouldContain("\"Get15118EVCertificate\",{\"iso15118SchemaVersion\":\"urn:iso:15118:2:2013:MsgDef\",\"action\":\"Install\"");
    }

    [Test]
    public async Task A_CSMS_whose_OCSP_response_names_another_certificate_fails_TC_M_24()
    {
        var results = await RunAsync(new ScriptedCsmsScript { OcspForAnotherCertificate = true });

        Failed(results).ShouldBe(["TC_M_24_CSMS"]);
        var failure = Message(results, "TC_M_24_CSMS");
        failure.ShouldContain("not the certificate the station asked about");
        failure.ShouldContain("(M06.FR.02)");
        failure.ShouldContain("\"GetCertificateStatus\",{\"ocspRequestData\":");
    }

    [Test]
    public async Task A_CSMS_that_answers_SignCertificate_with_a_CALLERROR_fails_the_V2G_certificate_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "SignCertificate" });

        Failed(results).ShouldBe(["TC_A_12_CSMS", "TC_M_24_CSMS"]);
        Message(results, "TC_A_12_CSMS").ShouldContain("\"SignCertificate\",{\"csr\":");
        Message(results, "TC_M_24_CSMS").ShouldContain("must send a CertificateSigned with a chain the station can verify");
    }

    [Test]
    public async Task A_CSMS_that_sets_the_default_profile_on_one_EVSE_fails_TC_K_10()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("SetChargingProfile", "evseId", "1") });

        Failed(results).ShouldBe(["TC_K_10_CSMS"]);
        Message(results, "TC_K_10_CSMS").ShouldContain("the CSMS sent SetChargingProfile with evseId = 1");
    }

    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        var pki = new CsmsCertificateAuthority(null, TimeProvider.System);
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow(), Iso15118Pki = pki });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "InstallCertificate", "GetInstalledCertificateIds", "TriggerMessage", "SetChargingProfile", "SetChargingProfileSchedule"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-ISO"] },
        };
        var results = await RunFilesAsync(csms.Url, settings, bothVersions: false, "iso15118.feature");
        results.AddRange(await InlineScenarios.RunFileAsync(
            Path.Combine(TestContext.CurrentContext.TestDirectory, "features", "conformance", "2.1", "iso15118.feature"), csms.Url, settings));
        results.Count.ShouldBe(12);
        return results;
    }
}

using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The block L file (secure firmware update) against a scripted CSMS made to send UpdateFirmware through its per-action
/// trigger API (the Http driver), breaking one rule at a time: exactly the cases of that rule fail, naming it and quoting
/// the frame; every other case passes. The OCPP 2.0.1 examples only, to keep the class fast (the 2.1 ones run the same
/// steps, and run against the embedded and strict CSMSes).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class FirmwareCaseVerdictTests
{
    private static readonly string[] All =
        ["TC_L_01_CSMS", "TC_L_04_CSMS", "TC_L_05_CSMS", "TC_L_06_CSMS", "TC_L_07_CSMS", "TC_L_08_CSMS", "TC_L_09_CSMS", "TC_L_10_CSMS", "TC_L_11_CSMS", "TC_L_13_CSMS"];

    [Test]
    public async Task A_CSMS_that_keeps_every_rule_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_sends_another_firmware_location_than_asked_fails_every_case_naming_the_field()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("UpdateFirmware", "firmware.location", "\"http://127.0.0.1:9/elsewhere.bin\"") });

        Failed(results).ShouldBe(All);
        var failure = Message(results, "TC_L_04_CSMS");
        failure.ShouldContain("the CSMS's UpdateFirmware has firmware.location = http://127.0.0.1:9/elsewhere.bin, it was asked for http://127.0.0.1:");
        failure.ShouldContain("\"UpdateFirmware\",{\"requestId\"");
    }

    [Test]
    public async Task A_CSMS_that_reuses_the_request_id_fails_only_the_cases_of_a_second_request()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("UpdateFirmware", "requestId", "1") });

        Failed(results).ShouldBe(["TC_L_10_CSMS", "TC_L_11_CSMS"]);
        var failure = Message(results, "TC_L_10_CSMS");
        failure.ShouldContain("the case asks the CSMS for a different requestId in each of its last 2 UpdateFirmware; it sent 1, 1");
    }

    [Test]
    public async Task A_CSMS_that_answers_FirmwareStatusNotification_with_a_CALLERROR_fails_the_cases_that_report_a_state()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "FirmwareStatusNotification" });

        Failed(results).ShouldBe(All.Except(["TC_L_04_CSMS", "TC_L_05_CSMS"]));
        var failure = Message(results, "TC_L_07_CSMS");
        failure.ShouldContain("NotImplemented");
        failure.ShouldContain("\"FirmwareStatusNotification\",{\"status\":\"Downloading\"");
    }

    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow() });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "UpdateFirmware"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-1"] },
        };
        var results = await RunFilesAsync(csms.Url, settings, bothVersions: false, "l-firmware.feature");
        results.Count.ShouldBe(10);
        return [.. results];
    }
}

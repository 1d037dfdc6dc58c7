using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The OCPP 1.6 FirmwareManagement and SmartCharging files against a scripted CSMS made to send its requests through its
/// per-action trigger API (the Http driver), breaking one rule at a time: exactly the cases of that rule fail, naming it
/// and quoting the frame; every other case passes.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V16FirmwareCaseVerdictTests
{
    private static readonly string[] Firmware = ["TC_044_1_CSMS", "TC_044_2_CSMS", "TC_044_3_CSMS", "TC_045_1_CSMS", "TC_045_2_CSMS"];

    private static readonly string[] SmartCharging = ["TC_056_CSMS", "TC_057_CSMS", "TC_059_CSMS", "TC_066_CSMS", "TC_067_CSMS"];

    [Test]
    public async Task A_CSMS_that_keeps_every_rule_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript(), "firmware-management.feature", "smart-charging.feature");

        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
        results.Select(Case).Order().ShouldBe([.. Firmware, .. SmartCharging]);
    }

    [Test]
    public async Task A_CSMS_that_sends_another_firmware_location_than_asked_fails_the_firmware_update_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("UpdateFirmware", "location", "\"http://127.0.0.1:9/elsewhere.bin\"") }, "firmware-management.feature");

        Failed(results).ShouldBe(["TC_044_1_CSMS", "TC_044_2_CSMS", "TC_044_3_CSMS"]);
        var failure = Message(results, "TC_044_1_CSMS");
        failure.ShouldContain("the CSMS's UpdateFirmware has location = http://127.0.0.1:9/elsewhere.bin, it was asked for http://127.0.0.1:");
        failure.ShouldContain("\"UpdateFirmware\",{\"location\"");
    }

    [Test]
    public async Task A_CSMS_that_answers_FirmwareStatusNotification_with_a_CALLERROR_fails_the_firmware_update_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "FirmwareStatusNotification" }, "firmware-management.feature");

        Failed(results).ShouldBe(["TC_044_1_CSMS", "TC_044_2_CSMS", "TC_044_3_CSMS"]);
        var failure = Message(results, "TC_044_2_CSMS");
        failure.ShouldContain("the CSMS must acknowledge the FirmwareStatusNotification with status = Downloading with a CALLRESULT; it answered with the error NotImplemented");
        failure.ShouldContain("\"FirmwareStatusNotification\",{\"status\":\"Downloading\"}");
    }

    [Test]
    public async Task A_CSMS_that_does_not_answer_DiagnosticsStatusNotification_fails_the_diagnostics_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { SilentFor = "DiagnosticsStatusNotification" }, "firmware-management.feature");

        Failed(results).ShouldBe(["TC_045_1_CSMS", "TC_045_2_CSMS"]);
        var failure = Message(results, "TC_045_2_CSMS");
        failure.ShouldContain("DiagnosticsStatusNotification");
    }

    [Test]
    public async Task A_CSMS_that_leaves_out_the_validity_of_a_profile_fails_only_the_TxDefaultProfile_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { RemovedFieldIn = ("SetChargingProfile", "csChargingProfiles.validTo") }, "smart-charging.feature");

        Failed(results).ShouldBe(["TC_056_CSMS"]);
        var failure = Message(results, "TC_056_CSMS");
        failure.ShouldContain("the case asks the CSMS to send csChargingProfiles.validTo in its SetChargingProfile; it left it out");
        failure.ShouldContain("\"SetChargingProfile\",{\"connectorId\":1");
    }

    [Test]
    public async Task A_CSMS_that_gives_a_Relative_TxProfile_a_schedule_start_fails_the_TxProfile_cases_of_that_rule()
    {
        var results = await RunAsync(
            new ScriptedCsmsScript { AddedFieldIn = ("SetChargingProfile", "csChargingProfiles.chargingSchedule.startSchedule", "\"2020-01-01T00:00:00Z\"") },
            "smart-charging.feature");

        Failed(results).ShouldBe(["TC_057_CSMS"]);
        Message(results, "TC_057_CSMS").ShouldContain("rule: a Relative TxProfile's schedule has no startSchedule");
    }

    [Test]
    public async Task A_CSMS_that_clears_by_another_stack_level_than_asked_fails_only_the_clear_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("ClearChargingProfile", "stackLevel", "7") }, "smart-charging.feature");

        Failed(results).ShouldBe(["TC_067_CSMS"]);
        Message(results, "TC_067_CSMS").ShouldContain("stackLevel = 7");
    }

    [Test]
    public async Task A_CSMS_whose_remote_start_TxProfile_names_a_transaction_fails_only_the_remote_start_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { AddedFieldIn = ("RemoteStartTransaction", "chargingProfile.transactionId", "701") }, "smart-charging.feature");

        Failed(results).ShouldBe(["TC_059_CSMS"]);
        Message(results, "TC_059_CSMS").ShouldContain("chargingProfile.transactionId");
    }

    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script, params string[] files)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow() });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "UpdateFirmware", "GetDiagnostics", "SetChargingProfile", "SetChargingProfileSchedule", "ClearChargingProfile", "GetCompositeSchedule", "RemoteStart"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-16"] },
        };
        var results = await RunFolderAsync(csms.Url, settings, "1.6", files);

        return results;
    }
}

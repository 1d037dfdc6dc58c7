using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The OCPP 2.1 Bidirectional Power Transfer and DER Control cases (features/conformance/2.1: q-bidirectional,
/// bk-bidirectional, r-der) against a scripted CSMS driven through its HTTP API that breaks one rule at a time: exactly
/// the cases of that rule fail, naming it and quoting the frame; an honest one passes every case.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V21BidirectionalCaseVerdictTests
{
    private static readonly string[] Files = ["q-bidirectional.feature", "bk-bidirectional.feature", "r-der.feature"];

    [Test]
    public async Task A_CSMS_that_sends_what_it_is_asked_and_answers_every_V2X_and_DER_message_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
        results.Select(Case).Distinct().Count().ShouldBe(13);
    }

    [Test]
    public async Task A_CSMS_that_accepts_charging_needs_it_did_not_allow_fails_only_the_V2X_authorisation_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { AcceptsEveryChargingNeeds = true });

        Failed(results).ShouldBe(["TC_Q_103_CSMS"]);
        var failure = Message(results, "TC_Q_103_CSMS");
        failure.ShouldContain("the CSMS's answer to the last NotifyEVChargingNeeds with chargingNeeds.requestedEnergyTransfer DC_BPT: expected status Rejected, got Accepted");
        failure.ShouldContain("\"NotifyEVChargingNeeds\",{");
    }

    [Test]
    public async Task A_CSMS_that_answers_a_pull_without_the_new_values_fails_only_the_pull_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { PullsWithoutUpdate = true });

        Failed(results).ShouldBe(["TC_Q_110_CSMS"]);
        var failure = Message(results, "TC_Q_110_CSMS");
        failure.ShouldContain("the CSMS's answer to a PullDynamicScheduleUpdate must carry scheduleUpdate; it has none");
        failure.ShouldContain("\"PullDynamicScheduleUpdate\",{\"chargingProfileId\":301}");
    }

    [Test]
    public async Task A_CSMS_that_pushes_another_setpoint_fails_only_the_push_case_naming_the_field()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("UpdateDynamicSchedule", "scheduleUpdate.setpoint", "-5000") });

        Failed(results).ShouldBe(["TC_Q_109_CSMS"]);
        var failure = Message(results, "TC_Q_109_CSMS");
        failure.ShouldContain("the CSMS's UpdateDynamicSchedule has scheduleUpdate.setpoint = -5000, it was asked for -20000");
        failure.ShouldContain("\"UpdateDynamicSchedule\",{");
    }

    [Test]
    public async Task A_CSMS_that_sends_a_Relative_profile_for_a_Dynamic_one_fails_the_dynamic_setpoint_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("SetChargingProfile", "chargingProfile.chargingProfileKind", "\"Relative\"") });

        // Every other case asks for a Relative profile (or none).
        Failed(results).ShouldBe(["TC_Q_109_CSMS", "TC_Q_110_CSMS"]);
        Message(results, "TC_Q_110_CSMS").ShouldContain("the CSMS's SetChargingProfile has chargingProfile.chargingProfileKind = Relative, it was asked for Dynamic");
    }

    [Test]
    public async Task A_CSMS_that_answers_an_operation_mode_change_with_a_CALLERROR_fails_the_cases_that_change_the_mode()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorForTriggerReason = "OperationModeChanged" });

        Failed(results).ShouldBe(["TC_B_116_CSMS", "TC_K_101_CSMS", "TC_Q_109_CSMS", "TC_Q_110_CSMS", "TC_Q_111_CSMS", "TC_Q_112_CSMS", "TC_Q_117_CSMS", "TC_Q_121_CSMS", "TC_Q_124_CSMS", "TC_Q_125_CSMS"]);
        var failure = Message(results, "TC_Q_125_CSMS");
        failure.ShouldContain("NotImplemented");
        failure.ShouldContain("\"triggerReason\":\"OperationModeChanged\"");
    }

    [Test]
    public async Task A_CSMS_that_answers_DER_alarms_with_a_CALLERROR_fails_only_the_DER_event_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "NotifyDERAlarm" });

        Failed(results).ShouldBe(["TC_R_108_CSMS"]);
        Message(results, "TC_R_108_CSMS").ShouldContain("\"NotifyDERAlarm\",{");
    }

    [Test]
    public async Task A_CSMS_that_answers_DER_control_reports_with_a_CALLERROR_fails_only_the_configuration_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "ReportDERControl" });

        Failed(results).ShouldBe(["TC_R_107_CSMS"]);
        Message(results, "TC_R_107_CSMS").ShouldContain("\"ReportDERControl\",{");
    }

    [Test]
    public async Task A_CSMS_that_forgets_the_V2X_profile_of_a_transaction_resumed_after_a_reset_fails_only_that_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ForgetsTxProfileOnResume = true });

        Failed(results).ShouldBe(["TC_B_116_CSMS"]);
        var failure = Message(results, "TC_B_116_CSMS");
        failure.ShouldContain("rule: after the station's TransactionEvent whose triggerReason is TxResumed the CSMS sends SetChargingProfile with chargingProfile.chargingProfilePurpose = TxProfile");
        failure.ShouldContain("\"TxResumed\"");
    }

    [Test]
    public async Task A_CSMS_that_rejects_the_boot_after_a_reset_fails_only_the_V2X_reset_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { RebootStatus = "Rejected" });

        Failed(results).ShouldBe(["TC_B_116_CSMS"]);
        var failure = Message(results, "TC_B_116_CSMS");
        failure.ShouldContain("rule: the CSMS answers the BootNotification whose reason is RemoteReset with status = Accepted");
        failure.ShouldContain("\"status\":\"Rejected\"");
    }

    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow() });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "Reset", "NotifyAllowedEnergyTransfer", "SetChargingProfileV2x", "SetChargingProfileV2xCurve", "SetChargingProfileV2xDynamic", "AFRRSignal", "UpdateDynamicSchedule", "SetDERControl", "GetDERControl", "ClearDERControl"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-V2X"] },
        };
        var results = await RunFolderAsync(csms.Url, settings, "2.1", Files);

        results.Count.ShouldBe(13);
        return results;
    }
}

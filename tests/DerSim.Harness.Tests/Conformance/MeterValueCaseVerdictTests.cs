using DerSim.Harness.Configuration;
using DerSim.Gherkin.Model;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The block J cases (features/conformance/2.0.1/j-metervalues.feature, its 2.0.1 rows) against scripted CSMSs that
/// break one rule each: exactly the cases that exercise the rule fail, naming it and quoting the frame; the others pass.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class MeterValueCaseVerdictTests
{
    private static readonly string[] AllCases =
        ["TC_J_01_CSMS", "TC_J_02_CSMS", "TC_J_03_CSMS", "TC_J_04_CSMS", "TC_J_07_CSMS", "TC_J_08_CSMS", "TC_J_09_CSMS", "TC_J_10_CSMS", "TC_J_11_CSMS"];

    [Test]
    public async Task A_CSMS_that_answers_everything_well_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow() });

        Failed(results).ShouldBeEmpty(Messages(results));
        results.Select(Case).ShouldBe(AllCases, ignoreOrder: true);
    }

    [Test]
    public async Task A_CSMS_that_never_answers_MeterValues_fails_the_clock_aligned_case_without_a_transaction()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), SilentFor = "MeterValues" });

        Failed(results).ShouldBe(["TC_J_01_CSMS"], Messages(results));
        var failed = results.Single(r => Case(r) == "TC_J_01_CSMS");
        failed.Message.ShouldContain("the CSMS left the station's MeterValues carrying Sample.Clock meter values unanswered within 3 s (J01.FR.18");
        failed.Message.ShouldContain("\"MeterValues\",{\"evseId\":1");
    }

    [Test]
    public async Task A_CSMS_that_answers_MeterValues_with_a_CALLERROR_fails_the_clock_aligned_case_without_a_transaction()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), ErrorFor = "MeterValues" });

        Failed(results).ShouldBe(["TC_J_01_CSMS"], Messages(results));
        var failed = results.Single(r => Case(r) == "TC_J_01_CSMS");
        failed.Message.ShouldContain("the CSMS answered the station's MeterValues carrying Sample.Clock meter values with NotImplemented (J01.FR.18");
        failed.Message.ShouldContain("[4,");
    }

    [Test]
    public async Task A_CSMS_that_refuses_clock_aligned_TransactionEvents_fails_the_cases_that_send_them()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), ErrorForTriggerReason = "MeterValueClock" });

        Failed(results).ShouldBe(["TC_J_02_CSMS", "TC_J_04_CSMS"], ignoreOrder: true, Messages(results));
        foreach (var failed in results.Where(r => r.Status == ScenarioStatus.Failed))
        {
            failed.Message.ShouldContain("with NotImplemented (J02.FR.19: a TransactionEventRequest is answered with a TransactionEventResponse)");
            failed.Message.ShouldContain("\"triggerReason\":\"MeterValueClock\"");
        }
    }

    [Test]
    public async Task A_CSMS_whose_answer_to_the_Ended_event_breaks_the_schema_fails_the_cases_that_end_the_transaction()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), InvalidAnswerForEventType = "Ended" });

        Failed(results).ShouldBe(["TC_J_03_CSMS", "TC_J_04_CSMS", "TC_J_10_CSMS", "TC_J_11_CSMS"], ignoreOrder: true, Messages(results));
        foreach (var failed in results.Where(r => r.Status == ScenarioStatus.Failed))
        {
            failed.Message.ShouldContain("of the CSMS's");
            failed.Message.ShouldContain("answers to TransactionEvent break the OCPP schema");
            failed.Message.ShouldContain("{\"totalCost\":\"much\"}");
        }
    }

    [Test]
    public async Task A_CSMS_that_answers_the_Started_event_without_idTokenInfo_fails_every_case_with_a_transaction()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), OmitTransactionIdTokenInfo = true });

        Failed(results).ShouldBe(AllCases.Except(["TC_J_01_CSMS"]), ignoreOrder: true, Messages(results));
        foreach (var failed in results.Where(r => r.Status == ScenarioStatus.Failed))
        {
            failed.Message.ShouldContain("the CSMS answered a TransactionEvent that carried an idToken without its idTokenInfo");
            failed.Message.ShouldContain("\"eventType\":\"Started\"");
        }
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        await using var csms = await ScriptedCsms.StartAsync(script);
        return await InlineScenarios.RunFileAsync(
            Path.Combine(TestContext.CurrentContext.TestDirectory, "features", "conformance", "2.0.1", "j-metervalues.feature"),
            csms.Url,
            new DerSimSettings { CallTimeoutSeconds = 3 },
            which: s => s.Arguments.TryGetValue("version", out var v) && v == "2.0.1");
    }


    private static string[] Failed(IReadOnlyList<ScenarioResult> results) =>
        [.. results.Where(r => r.Status != ScenarioStatus.Passed).Select(Case)];

    private static string Messages(IReadOnlyList<ScenarioResult> results) =>
        string.Join("\n", results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)} {r.Status}: {r.Message}"));
}

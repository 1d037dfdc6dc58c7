using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The OCPP 1.6 cases in which the CSMS acts (core-csms-initiated and remote-trigger) against a scripted CSMS driven
/// through its HTTP API that breaks one rule at a time: exactly the cases whose verdict rests on that rule fail, naming
/// it and quoting the frame, and the others pass; an honest CSMS passes them all.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V16RemoteCaseVerdictTests
{
    private static readonly string[] Files = ["core-csms-initiated.feature", "remote-trigger.feature"];

    [Test]
    public async Task An_honest_CSMS_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        results.Count.ShouldBe(21);
        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_unlocks_another_connector_fails_the_unlock_cases_it_was_asked_for()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("UnlockConnector", "connectorId", "2") });

        // TC_031 asks for the connector the station does not have, which is what the CSMS sent.
        Failed(results).ShouldBe(["TC_017_1_CSMS", "TC_017_2_CSMS", "TC_018_1_CSMS", "TC_030_CSMS"]);
        var failure = Message(results, "TC_017_1_CSMS");
        failure.ShouldContain("connectorId = 2");
        failure.ShouldContain("\"UnlockConnector\",{");
    }

    [Test]
    public async Task A_CSMS_that_resets_softly_when_asked_for_a_hard_reset_fails_TC_013_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("Reset", "type", "\"Soft\"") });

        Failed(results).ShouldBe(["TC_013_CSMS"]);
        Message(results, "TC_013_CSMS").ShouldContain("type = Soft");
    }

    [Test]
    public async Task A_CSMS_that_sends_another_value_fails_the_change_configuration_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("ChangeConfiguration", "value", "\"30\"") });

        Failed(results).ShouldBe(["TC_021_CSMS", "TC_040_1_CSMS", "TC_040_2_CSMS"]);
        Message(results, "TC_021_CSMS").ShouldContain("value = 30");
    }

    [Test]
    public async Task A_CSMS_that_fails_the_StopTransaction_fails_the_cases_that_end_a_transaction()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "StopTransaction" });

        Failed(results).ShouldBe(["TC_012_CSMS", "TC_018_1_CSMS"]);
        var failure = Message(results, "TC_012_CSMS");
        failure.ShouldContain("rule: the CSMS answers every StopTransaction with a CALLRESULT in time");
        failure.ShouldContain("\"StopTransaction\",{");
    }

    [Test]
    public async Task A_CSMS_that_fails_the_triggered_FirmwareStatusNotification_fails_TC_054_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "FirmwareStatusNotification" });

        Failed(results).ShouldBe(["TC_054_CSMS"]);
        var failure = Message(results, "TC_054_CSMS");
        failure.ShouldContain("rule: the CSMS answers the FirmwareStatusNotification its TriggerMessage asked for with a CALLRESULT in time; it gave the error NotImplemented");
        failure.ShouldContain("\"FirmwareStatusNotification\",{");
    }

    [Test]
    public async Task A_CSMS_that_does_not_answer_the_triggered_MeterValues_fails_TC_054_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { SilentFor = "MeterValues" });

        Failed(results).ShouldBe(["TC_054_CSMS"]);
        Message(results, "TC_054_CSMS").ShouldContain("rule: the CSMS answers the MeterValues its TriggerMessage asked for with a CALLRESULT in time; it gave no answer");
    }

    [Test]
    public async Task A_CSMS_that_refuses_the_token_it_started_a_transaction_for_fails_the_remote_starts()
    {
        var tokens = ScriptedCsmsScript.DeclaredTokens();
        var valid = tokens.First(t => t.Value.Status == "Accepted").Key;
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = tokens, WrongStatusFor = (valid, "Invalid") });

        // The remote starts, and the cases that start from a running transaction (it never starts).
        Failed(results).ShouldBe(["TC_010_CSMS", "TC_011_1_CSMS", "TC_011_2_CSMS", "TC_012_CSMS", "TC_018_1_CSMS", "TC_028_CSMS"]);
        Message(results, "TC_010_CSMS").ShouldContain("with idTagInfo.status one of Accepted; it answered Invalid");
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow(), Tokens = script.Tokens ?? ScriptedCsmsScript.DeclaredTokens() });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "RemoteStart", "RemoteStop", "Reset", "UnlockConnector", "GetConfiguration", "ChangeConfiguration", "TriggerMessage", "ClearCache"),
        };
        var results = await RunFolderAsync(csms.Url, settings, "1.6", Files);

        return results;
    }
}

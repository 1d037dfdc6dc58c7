using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The remote-control cases (e-remote-stop, f-remote-control and k-remote-start, their 2.0.1 rows) against a scripted
/// CSMS driven through its HTTP API that breaks one rule at a time: exactly the cases whose verdict rests on that rule
/// fail, naming it and quoting the frame, and the others pass; an honest CSMS passes them all.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class RemoteControlCaseVerdictTests
{
    private static readonly string[] Files = ["e-remote-stop.feature", "f-remote-control.feature", "k-remote-start.feature"];

    private static readonly string[] RemoteStarts = ["TC_F_01_CSMS", "TC_F_02_CSMS", "TC_F_03_CSMS", "TC_F_04_CSMS", "TC_K_37_CSMS"];

    [Test]
    public async Task An_honest_CSMS_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        results.Count.ShouldBe(8);
        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_sends_the_wrong_token_type_fails_every_remote_start()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("RequestStartTransaction", "idToken.type", "\"Central\"") });

        Failed(results).ShouldBe(RemoteStarts);
        var failure = Message(results, "TC_F_02_CSMS");
        failure.ShouldContain("the CSMS's RequestStartTransaction has idToken.type = Central, it was asked for ISO14443");
        failure.ShouldContain("\"RequestStartTransaction\",{");
    }

    [Test]
    public async Task A_CSMS_that_stops_another_transaction_fails_TC_E_21_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("RequestStopTransaction", "transactionId", "\"not-the-running-one\"") });

        Failed(results).ShouldBe(["TC_E_21_CSMS"]);
        Message(results, "TC_E_21_CSMS").ShouldContain("transactionId = not-the-running-one");
    }

    [Test]
    public async Task A_CSMS_that_names_a_transaction_in_the_TxProfile_of_a_remote_start_fails_TC_K_37_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { AddedFieldIn = ("RequestStartTransaction", "chargingProfile.transactionId", "\"TX-1\"") });

        Failed(results).ShouldBe(["TC_K_37_CSMS"]);
        var failure = Message(results, "TC_K_37_CSMS");
        failure.ShouldContain("the case asks the CSMS to leave chargingProfile.transactionId out of its RequestStartTransaction; it sent chargingProfile.transactionId = TX-1");
        failure.ShouldContain("\"chargingProfilePurpose\":\"TxProfile\"");
    }

    [Test]
    public async Task A_CSMS_that_leaves_idTokenInfo_out_fails_the_cases_of_its_own_remote_start()
    {
        var results = await RunAsync(new ScriptedCsmsScript { OmitTransactionIdTokenInfo = true });

        Failed(results).ShouldBe(RemoteStarts);
        var failure = Message(results, "TC_F_01_CSMS");
        failure.ShouldContain("with idTokenInfo.status = Accepted; it answered nothing");
        failure.ShouldContain("\"triggerReason\":\"RemoteStart\"");
    }

    [Test]
    public async Task A_CSMS_that_fails_the_Heartbeat_fails_the_trigger_message_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "Heartbeat" });

        Failed(results).ShouldBe(["TC_F_20_CSMS", "TC_F_27_CSMS"]);
        Message(results, "TC_F_20_CSMS").ShouldContain("rule: the CSMS answers Heartbeat with a CALLRESULT carrying currentTime; it gave NotImplemented");
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        // It knows the tokens of the default target declaration.
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow(), Tokens = script.Tokens ?? ScriptedCsmsScript.DeclaredTokens() });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "RemoteStart", "RemoteStop", "TriggerMessage"),
        };
        return await RunFilesAsync(csms.Url, settings, bothVersions: false, Files);
    }
}

using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The block-E transaction cases (features/conformance/2.0.1/e-transactions.feature, their 2.0.1 rows) against a
/// scripted CSMS that breaks one rule at a time: exactly the cases whose verdict rests on that rule fail, naming it and
/// quoting the frame, and the others pass; an honest CSMS passes them all.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class TransactionCaseVerdictTests
{
    private static readonly string Feature = Path.Combine(AppContext.BaseDirectory, "features", "conformance", "2.0.1", "e-transactions.feature");

    // The cases whose flow sends no idToken in a TransactionEvent (the EV alone starts the transaction).
    private static readonly string[] WithoutToken = ["TC_E_09_CSMS", "TC_E_12_CSMS"];

    [Test]
    public async Task An_honest_CSMS_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow() });

        results.Count.ShouldBe(21);
        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_leaves_idTokenInfo_out_fails_every_case_with_a_token()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), OmitTransactionIdTokenInfo = true });

        var failed = results.Where(r => r.Status == ScenarioStatus.Failed).ToList();
        failed.Select(Case).ShouldBe(results.Select(Case).Except(WithoutToken), ignoreOrder: true);
        failed.ShouldAllBe(r => r.Message.Contains("TransactionEvent carrying idToken with idTokenInfo.status") && r.Message.Contains("no idTokenInfo.status"));
        failed.ShouldAllBe(r => r.Message.Contains("\"TransactionEvent\""), "the message quotes the frame");
        results.Where(r => WithoutToken.Contains(Case(r))).ShouldAllBe(r => r.Status == ScenarioStatus.Passed);
    }

    [Test]
    public async Task A_CSMS_that_accepts_the_unknown_token_in_a_TransactionEvent_fails_only_TC_E_16()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), WrongStatusFor = (DerSim.Harness.Target.TargetDeclaration.Default.Tokens.Unknown.IdToken, "Accepted") });

        var failed = results.Where(r => r.Status != ScenarioStatus.Passed).ToList();
        failed.Select(Case).ShouldBe(["TC_E_16_CSMS"], string.Join("\n", failed.Select(r => r.Message)));
        failed[0].Status.ShouldBe(ScenarioStatus.Failed);
        failed[0].Message.ShouldContain("rule: the CSMS answers the last TransactionEvent carrying idToken with idTokenInfo.status one of Invalid, Unknown");
        failed[0].Message.ShouldContain("0F0E0D0C", Shouldly.Case.Sensitive, "the message quotes the frame");
    }

    [Test]
    public async Task A_CSMS_that_refuses_a_seqNo_starting_again_at_0_fails_only_TC_E_53()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), ErrorForRestartedSeqNo = true });

        var failed = results.Where(r => r.Status != ScenarioStatus.Passed).ToList();
        failed.Select(Case).ShouldBe(["TC_E_53_CSMS"], string.Join("\n", failed.Select(r => r.Message)));
        failed[0].Status.ShouldBe(ScenarioStatus.Failed);
        failed[0].Message.ShouldContain("rule: the CSMS answers every TransactionEvent with a CALLRESULT in time");
        failed[0].Message.ShouldContain("answered with GenericError");
    }

    [Test]
    public async Task A_CSMS_that_answers_TransactionEvent_with_a_CALLERROR_fails_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), ErrorFor = "TransactionEvent" });

        // TC_E_16 waits for the station to deliver what it queued offline, which a CSMS refusing every TransactionEvent
        // never lets it do: "the connection is restored" gives up (broken), naming the CALLERROR in the station's log.
        results.Where(r => r.Status != ScenarioStatus.Failed && Case(r) != "TC_E_16_CSMS").Select(r => $"{Case(r)} {r.Status}: {r.Message}").ShouldBeEmpty();
        results.ShouldAllBe(r => r.Status != ScenarioStatus.Passed && r.Message.Contains("NotImplemented"));
    }


    private static async Task<IReadOnlyList<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        // It knows the tokens of the default target declaration: the unknown one is refused.
        await using var csms = await ScriptedCsms.StartAsync(script with { Tokens = script.Tokens ?? ScriptedCsmsScript.DeclaredTokens() });
        var settings = new DerSimSettings { CallTimeoutSeconds = 3 };
        return await InlineScenarios.RunFileAsync(Feature, csms.Url, settings, which: s => s.Tags.Contains("ocpp2.0.1"));
    }
}

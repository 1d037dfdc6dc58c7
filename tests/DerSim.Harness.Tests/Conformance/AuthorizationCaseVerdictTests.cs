using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The block C feature (features/conformance/2.0.1/c-authorization.feature, its 2.0.1 rows) against a scripted CSMS that
/// knows the declared tokens: an honest one passes every case; one that breaks one rule of the block fails exactly the
/// cases that check that rule, with the rule and the frames in the message, and the others still pass.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class AuthorizationCaseVerdictTests
{
    private static readonly string[] AllCases =
        ["TC_C_02_CSMS", "TC_C_06_CSMS", "TC_C_07_CSMS", "TC_C_08_CSMS", "TC_C_20_CSMS", "TC_C_39_CSMS", "TC_C_47_CSMS", "TC_C_48_CSMS", "TC_C_49_CSMS"];

    private static TargetTokens Tokens => TargetDeclaration.Default.Tokens;

    [Test]
    public async Task A_CSMS_that_answers_every_token_as_declared_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens() });

        Failing(results).ShouldBeEmpty(string.Join("\n", results.Select(r => r.Message)));
        results.Select(Case).Distinct().Order().ShouldBe(AllCases);
    }

    [Test]
    public async Task A_CSMS_that_accepts_the_unknown_token_fails_the_cases_that_present_it()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens(), WrongStatusFor = (Tokens.Unknown.IdToken, "Accepted") });

        Failing(results).ShouldBe(["TC_C_02_CSMS", "TC_C_20_CSMS"]);
        Message(results, "TC_C_02_CSMS").ShouldContain("the CSMS's answer to the Authorize of the unknown token (0F0E0D0C): expected idTokenInfo.status one of Invalid, Unknown, got Accepted");
        Message(results, "TC_C_20_CSMS").ShouldContain("the CSMS's answer to the TransactionEvent of the unknown token (0F0E0D0C): expected idTokenInfo.status one of Invalid, Unknown, got Accepted");
        Message(results, "TC_C_20_CSMS").ShouldContain("\"TransactionEvent\",{\"eventType\":\"Started\"");
    }

    [Test]
    public async Task A_CSMS_that_calls_the_blocked_token_Expired_fails_only_the_blocked_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens(), WrongStatusFor = (Tokens.Blocked.IdToken, "Expired") });

        Failing(results).ShouldBe(["TC_C_06_CSMS"]);
        Message(results, "TC_C_06_CSMS").ShouldContain("expected idTokenInfo.status one of Blocked, Invalid, got Expired");
        Message(results, "TC_C_06_CSMS").ShouldContain("{\"idTokenInfo\":{\"status\":\"Expired\"}}");
    }

    [Test]
    public async Task A_CSMS_that_accepts_the_expired_token_fails_only_the_expired_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens(), WrongStatusFor = (Tokens.Expired.IdToken, "Accepted") });

        Failing(results).ShouldBe(["TC_C_07_CSMS"]);
        Message(results, "TC_C_07_CSMS").ShouldContain("expected idTokenInfo.status one of Expired, Invalid, got Accepted");
    }

    [Test]
    public async Task A_CSMS_that_leaves_the_group_out_of_its_Authorize_answers_fails_the_group_and_Master_Pass_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens(), NoGroupIn = "Authorize" });

        Failing(results).ShouldBe(["TC_C_39_CSMS", "TC_C_47_CSMS", "TC_C_48_CSMS", "TC_C_49_CSMS"]);
        Message(results, "TC_C_39_CSMS").ShouldContain("C09.FR.02");
        Message(results, "TC_C_39_CSMS").ShouldContain("expected idTokenInfo.groupIdToken.idToken DERSIM-GROUP-1, got none");
        Message(results, "TC_C_47_CSMS").ShouldContain("the CSMS's answer to the Authorize of the master pass token (04BADA55)");
        Message(results, "TC_C_47_CSMS").ShouldContain("expected idTokenInfo.groupIdToken.idToken DERSIM-MASTERPASS, got none");
    }

    [Test]
    public async Task A_CSMS_that_leaves_the_group_out_of_its_TransactionEvent_answers_fails_the_cases_that_check_it_there()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens(), NoGroupIn = "TransactionEvent" });

        // TC_C_49's stops carry the tokens that started the transactions; it checks their status only.
        Failing(results).ShouldBe(["TC_C_39_CSMS", "TC_C_47_CSMS", "TC_C_48_CSMS"]);
        Message(results, "TC_C_48_CSMS").ShouldContain("the CSMS's answer to the TransactionEvent of the master pass token (04BADA55)");
        Message(results, "TC_C_48_CSMS").ShouldContain("\"stoppedReason\":\"MasterPass\"");
    }

    [Test]
    public async Task A_CSMS_that_answers_Authorize_with_a_CALLERROR_fails_every_case_that_authorizes()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens(), ErrorFor = "Authorize" });

        // TC_C_08 and TC_C_20 start from the station's cache: no Authorize.
        Failing(results).ShouldBe(["TC_C_02_CSMS", "TC_C_06_CSMS", "TC_C_07_CSMS", "TC_C_39_CSMS", "TC_C_47_CSMS", "TC_C_48_CSMS", "TC_C_49_CSMS"]);
        Message(results, "TC_C_02_CSMS").ShouldContain("the CSMS answered with NotImplemented, expected a CALLRESULT with idTokenInfo.status one of Invalid, Unknown");
    }

    [Test]
    public async Task A_CSMS_that_never_answers_a_TransactionEvent_fails_every_case_with_a_transaction()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens(), SilentFor = "TransactionEvent" }, callTimeoutSeconds: 2);

        Failing(results).ShouldBe(["TC_C_08_CSMS", "TC_C_20_CSMS", "TC_C_39_CSMS", "TC_C_47_CSMS", "TC_C_48_CSMS", "TC_C_49_CSMS"]);
        // The station's own CALL timeout and the step's wait are both 2 s: whichever ends first names the silence — the
        // token step ("not answered … unanswered: TransactionEvent") or the answer check ("did not answer it").
        Message(results, "TC_C_08_CSMS").ShouldMatch(@"were not answered by the CSMS within 2 s; unanswered: TransactionEvent|TransactionEvent of the valid token \(\w+\): the CSMS did not answer it");
        Message(results, "TC_C_08_CSMS").ShouldContain("\"TransactionEvent\",{\"eventType\":\"Started\"");
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunAsync(ScriptedCsmsScript script, int callTimeoutSeconds = 5)
    {
        await using var csms = await ScriptedCsms.StartAsync(script);
        return await InlineScenarios.RunFileAsync(
            Path.Combine(TestContext.CurrentContext.TestDirectory, "features", "conformance", "2.0.1", "c-authorization.feature"),
            csms.Url,
            new DerSimSettings { CallTimeoutSeconds = callTimeoutSeconds },
            which: s => s.Arguments.TryGetValue("version", out var v) && v == "2.0.1");
    }


    private static List<string> Failing(IReadOnlyList<ScenarioResult> results) =>
        [.. results.Where(r => r.Status != ScenarioStatus.Passed).Select(Case).Order()];

}

using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The station-initiated OCPP 1.6 Core cases (features/conformance/1.6/core-transactions.feature and core-offline.feature)
/// against a scripted CSMS speaking 1.6 that knows the declared tokens: an honest one passes every case; one that breaks
/// one rule fails exactly the cases that check it, with the rule and the frames in the message, and the others pass.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V16TransactionCaseVerdictTests
{
    private static readonly string[] AllCases =
    [
        "TC_003_CSMS", "TC_004_1_CSMS", "TC_004_2_CSMS", "TC_005_1_CSMS", "TC_007_CSMS", "TC_023_1_CSMS", "TC_023_2_CSMS",
        "TC_023_3_CSMS", "TC_024_CSMS", "TC_032_1_CSMS", "TC_037_1_CSMS", "TC_037_3_CSMS", "TC_039_CSMS", "TC_064_CSMS",
    ];

    private static TargetTokens Tokens => TargetDeclaration.Default.Tokens;

    private static ScriptedCsmsScript Honest => new() { Tokens = ScriptedCsmsScript.DeclaredTokens() };

    [Test]
    public async Task A_CSMS_that_answers_every_token_as_declared_passes_every_case()
    {
        var results = await RunAsync(Honest);

        CaseResults.Failed(results).ShouldBeEmpty(string.Join("\n", results.Select(r => r.Message)));
        results.Select(CaseResults.Case).Distinct().Order().ShouldBe(AllCases);
    }

    [Test]
    public async Task A_CSMS_that_accepts_the_unknown_token_fails_the_cases_that_present_it()
    {
        var results = await RunAsync(Honest with { WrongStatusFor = (Tokens.Unknown.IdToken, "Accepted") }, "TC_023_1_CSMS", "TC_037_3_CSMS", "TC_003_CSMS");

        CaseResults.Failed(results).ShouldBe(["TC_023_1_CSMS", "TC_037_3_CSMS"]);
        Message(results, "TC_023_1_CSMS").ShouldContain("the CSMS's answer to the Authorize of the unknown token (0F0E0D0C): expected idTagInfo.status Invalid, got Accepted");
        Message(results, "TC_037_3_CSMS").ShouldContain("rule: the CSMS answers the StartTransaction of the unknown token (0F0E0D0C) with a CALLRESULT whose idTagInfo.status is Invalid; it answered idTagInfo.status Accepted");
        Message(results, "TC_037_3_CSMS").ShouldContain("\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"0F0E0D0C\"");
    }

    [Test]
    public async Task A_CSMS_that_calls_the_blocked_and_expired_tokens_Invalid_fails_their_cases_only()
    {
        var blocked = await RunAsync(Honest with { WrongStatusFor = (Tokens.Blocked.IdToken, "Invalid") }, "TC_023_1_CSMS", "TC_023_2_CSMS", "TC_023_3_CSMS");
        var expired = await RunAsync(Honest with { WrongStatusFor = (Tokens.Expired.IdToken, "Invalid") }, "TC_023_1_CSMS", "TC_023_2_CSMS", "TC_023_3_CSMS");

        CaseResults.Failed(blocked).ShouldBe(["TC_023_3_CSMS"]);
        Message(blocked, "TC_023_3_CSMS").ShouldContain("expected idTagInfo.status Blocked, got Invalid");
        Message(blocked, "TC_023_3_CSMS").ShouldContain("{\"idTagInfo\":{\"status\":\"Invalid\"}}");
        CaseResults.Failed(expired).ShouldBe(["TC_023_2_CSMS"]);
        Message(expired, "TC_023_2_CSMS").ShouldContain("expected idTagInfo.status Expired, got Invalid");
    }

    [Test]
    public async Task A_CSMS_that_refuses_the_valid_token_in_its_StartTransaction_answer_fails_the_cases_that_start_with_it()
    {
        // Both start from the station's cache without an Authorize: the StartTransaction answer is where the CSMS judges the token.
        var results = await RunAsync(Honest with { WrongStatusFor = (Tokens.Valid[0].IdToken, "Blocked") }, "TC_007_CSMS", "TC_037_1_CSMS", "TC_064_CSMS");

        CaseResults.Failed(results).ShouldBe(["TC_007_CSMS", "TC_037_1_CSMS"]);
        Message(results, "TC_037_1_CSMS").ShouldContain("whose idTagInfo.status is Accepted; it answered idTagInfo.status Blocked");
        Message(results, "TC_007_CSMS").ShouldContain("{\"idTagInfo\":{\"status\":\"Blocked\",\"parentIdTag\":\"DERSIM-GROUP-1\"},\"transactionId\":");
    }

    [Test]
    public async Task A_CSMS_that_answers_StopTransaction_with_a_CALLERROR_fails_the_cases_that_stop()
    {
        var results = await RunAsync(Honest with { ErrorFor = "StopTransaction" }, "TC_005_1_CSMS", "TC_032_1_CSMS", "TC_037_3_CSMS", "TC_003_CSMS", "TC_024_CSMS");

        CaseResults.Failed(results).ShouldBe(["TC_005_1_CSMS", "TC_032_1_CSMS", "TC_037_3_CSMS"]);
        Message(results, "TC_032_1_CSMS").ShouldContain("rule: the CSMS answers every StopTransaction with a CALLRESULT in time");
        Message(results, "TC_032_1_CSMS").ShouldContain("NotImplemented");
    }

    [Test]
    public async Task A_CSMS_that_answers_StatusNotification_with_a_CALLERROR_fails_the_lock_failure_and_timeout_cases()
    {
        var results = await RunAsync(Honest with { ErrorFor = "StatusNotification" }, "TC_004_2_CSMS", "TC_024_CSMS", "TC_064_CSMS");

        // No state is reached without the CSMS answering the connectors' status: the lock failure and timeout cases
        // fail; the DataTransfer case starts from the same boot and fails too.
        CaseResults.Failed(results).ShouldBe(["TC_004_2_CSMS", "TC_024_CSMS", "TC_064_CSMS"]);
        Message(results, "TC_024_CSMS").ShouldContain("StatusNotification");
    }

    [Test]
    public async Task A_CSMS_that_rejects_the_boot_after_the_power_failure_fails_the_power_failure_case_only()
    {
        var results = await RunAsync(Honest with { RebootStatus = "Rejected" }, "TC_032_1_CSMS", "TC_003_CSMS");

        CaseResults.Failed(results).ShouldBe(["TC_032_1_CSMS"]);
        Message(results, "TC_032_1_CSMS").ShouldContain("Rejected");
    }

    [Test]
    public async Task A_CSMS_that_answers_DataTransfer_with_a_status_1_6_lacks_fails_the_data_transfer_case_only()
    {
        var results = await RunAsync(Honest with { DataTransferStatus = "Maybe" }, "TC_064_CSMS", "TC_023_1_CSMS");

        CaseResults.Failed(results).ShouldBe(["TC_064_CSMS"]);
        Message(results, "TC_064_CSMS").ShouldContain("DataTransfer");
    }

    [Test]
    public async Task A_CSMS_that_errors_or_refuses_the_late_StartTransaction_or_errors_the_late_StopTransaction_fails_the_offline_transaction_case()
    {
        var startError = await RunAsync(Honest with { ErrorFor = "StartTransaction" }, "TC_039_CSMS", "TC_064_CSMS");
        var refused = await RunAsync(Honest with { WrongStatusFor = (Tokens.Valid[0].IdToken, "Blocked") }, "TC_039_CSMS", "TC_064_CSMS");
        var stopError = await RunAsync(Honest with { ErrorFor = "StopTransaction" }, "TC_039_CSMS", "TC_064_CSMS");

        CaseResults.Failed(startError).ShouldBe(["TC_039_CSMS"]);
        Message(startError, "TC_039_CSMS").ShouldContain("StartTransaction");
        CaseResults.Failed(refused).ShouldBe(["TC_039_CSMS"]);
        Message(refused, "TC_039_CSMS").ShouldContain("whose idTagInfo.status is Accepted; it answered idTagInfo.status Blocked");
        // The station keeps resending the refused StopTransaction (1.6 §3.7.1), so the case fails while the queued
        // messages are still being delivered after the reconnect.
        CaseResults.Failed(stopError).ShouldBe(["TC_039_CSMS"]);
    }

    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script, params string[] cases)
    {
        await using var csms = await ScriptedCsms.StartAsync(script);
        return await RunFolderAsync(
            csms.Url,
            new DerSimSettings { CallTimeoutSeconds = 2 },
            "1.6",
            ["core-transactions.feature", "core-offline.feature"],
            s => cases.Length == 0 || cases.Any(s.Tags.Contains));
    }

}

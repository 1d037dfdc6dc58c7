using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The conformance file of block N (logs and customer information) against a loopback CSMS driven through its HTTP
/// trigger API, which breaks one rule at a time: exactly the cases of that rule fail, naming it and quoting the frame;
/// every other case passes.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class DiagnosticsCaseVerdictTests
{
    private const string File = "n-logs-and-customer-information.feature";

    [Test]
    public async Task A_CSMS_that_keeps_every_rule_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_asks_for_the_wrong_log_type_fails_the_diagnostics_log_cases_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("GetLog", "logType", "\"SecurityLog\"") });

        Failed(results).ShouldBe(["TC_N_25_CSMS", "TC_N_34_CSMS", "TC_N_36_CSMS"]);
        var failure = Message(results, "TC_N_25_CSMS");
        failure.ShouldContain("the CSMS's GetLog has logType = SecurityLog, it was asked for DiagnosticsLog");
        failure.ShouldContain("\"GetLog\",{\"log\":{\"remoteLocation\":\"http://127.0.0.1:");
    }

    [Test]
    public async Task A_CSMS_that_numbers_every_log_request_alike_fails_the_second_request_case_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("GetLog", "requestId", "7") });

        Failed(results).ShouldBe(["TC_N_36_CSMS"]);
        var failure = Message(results, "TC_N_36_CSMS");
        failure.ShouldContain("the case asks the CSMS for a different requestId in each of its last 2 GetLog; it sent 7, 7");
        failure.ShouldContain("\"requestId\":7");
    }

    [Test]
    public async Task A_CSMS_that_asks_for_no_report_fails_the_cases_that_want_one()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("CustomerInformation", "report", "false") });

        Failed(results).ShouldBe(["TC_N_27_CSMS", "TC_N_28_CSMS", "TC_N_29_CSMS", "TC_N_30_CSMS", "TC_N_31_CSMS"]);
        var failure = Message(results, "TC_N_27_CSMS");
        failure.ShouldContain("the CSMS's CustomerInformation has report = false, it was asked for true");
        failure.ShouldContain("\"CustomerInformation\",{\"requestId\":");
    }

    [Test]
    public async Task A_CSMS_that_answers_log_status_with_a_CALLERROR_fails_the_upload_cases_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "LogStatusNotification" });

        Failed(results).ShouldBe(["TC_N_25_CSMS", "TC_N_35_CSMS", "TC_N_36_CSMS"]);
        var failure = Message(results, "TC_N_35_CSMS");
        failure.ShouldContain("the CSMS must answer this LogStatusNotification about its GetLog with a CALLRESULT; it answered with the error NotImplemented");
        failure.ShouldContain("\"LogStatusNotification\",{\"status\":\"Uploading\"");
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { Tokens = ScriptedCsmsScript.DeclaredTokens() });
        var settings = new DerSimSettings { CallTimeoutSeconds = 3, CsmsDriver = "Http", Http = InlineScenarios.TriggerApi(csms.ApiUrl, "GetLog", "CustomerInformation") };
        var results = await RunFilesAsync(csms.Url, settings, bothVersions: true, File);
        results.Count.ShouldBe(20);
        return results;
    }
}

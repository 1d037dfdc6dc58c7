using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The conformance files of blocks A, B, G and P against a loopback CSMS that breaks one rule at a time: exactly the
/// cases of that rule fail, naming it and quoting the frame; every other case passes (the TLS cases are not applicable,
/// the double's declaration naming security profile 1).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ProvisioningCaseVerdictTests
{
    private const string Password = "scripted-secret";

    private static readonly string[] Files = ["a-security.feature", "b-provisioning.feature", "g-availability.feature", "p-datatransfer.feature"];

    [Test]
    public async Task A_CSMS_that_keeps_every_rule_passes_every_case_and_the_TLS_cases_are_not_applicable()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        Failed(results).ShouldBeEmpty();
        results.Where(r => r.Status == ScenarioStatus.NotApplicable).Select(Case).Distinct().Order().ShouldBe(["TC_A_04_CSMS", "TC_A_06_CSMS"]);
        results.Single(r => Case(r) == "TC_A_04_CSMS" && r.Scenario.Arguments["version"] == "2.0.1").Message.ShouldContain("the target declares security profile 1");
    }

    [Test]
    public async Task A_CSMS_that_accepts_a_Basic_auth_user_name_other_than_the_station_id_fails_TC_A_02_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { IgnoresBasicAuthUser = true });

        Failed(results).ShouldBe(["TC_A_02_CSMS"]);
        var failure = Message(results, "TC_A_02_CSMS");
        failure.ShouldContain("the CSMS must refuse the WebSocket upgrade of VERDICT-1 with HTTP 401 (wrong Basic-auth credentials); it upgraded the connection instead");
        failure.ShouldContain("\"BootNotification\",{");
    }

    [Test]
    public async Task A_CSMS_that_accepts_the_DataTransfer_of_a_vendor_it_does_not_know_fails_TC_P_02_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { DataTransferStatus = "Accepted" });

        Failed(results).ShouldBe(["TC_P_02_CSMS"]);
        var failure = Message(results, "TC_P_02_CSMS");
        failure.ShouldContain("the CSMS's answer to the last DataTransfer: expected status one of UnknownVendorId, UnknownMessageId, Rejected, got Accepted");
        failure.ShouldContain("\"DataTransfer\",{\"vendorId\":\"com.example.dersim.unknown\"");
        failure.ShouldContain("{\"status\":\"Accepted\"}");
    }

    [Test]
    public async Task A_CSMS_that_answers_the_lock_failure_with_a_CALLERROR_fails_TC_G_20_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "NotifyEvent" });

        Failed(results).ShouldBe(["TC_G_20_CSMS"]);
        var failure = Message(results, "TC_G_20_CSMS");
        failure.ShouldContain("the CSMS must answer this NotifyEvent with a CALLRESULT; it answered with the error NotImplemented");
        failure.ShouldContain("\"ConnectorPlugRetentionLock\"");
    }

    [Test]
    public async Task A_CSMS_that_refuses_messages_with_custom_data_fails_TC_P_03_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { RefusesCustomData = true });

        Failed(results).ShouldBe(["TC_P_03_CSMS"]);
        Message(results, "TC_P_03_CSMS").ShouldContain("\"customData\":{\"vendorId\":\"com.example.dersim\"");
    }

    [Test]
    public async Task A_CSMS_whose_boot_answer_gives_no_heartbeat_interval_fails_TC_B_01_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { BootInterval = 0 });

        Failed(results).ShouldBe(["TC_B_01_CSMS"]);
        Message(results, "TC_B_01_CSMS").ShouldContain("without a heartbeat interval above 0 s (interval: 0)");
    }

    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow(), BasicAuthPassword = Password });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            Target = new TargetDeclaration { StationIds = ["VERDICT-1"], SecurityProfile = 1, Password = Password },
        };
        var results = await RunFolderAsync(csms.Url, settings, "2.0.1", Files);

        results.Count.ShouldBe(18);
        return results;
    }
}

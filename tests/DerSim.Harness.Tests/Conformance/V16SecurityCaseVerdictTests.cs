using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The OCPP 1.6 security extension's conformance file against a loopback CSMS that breaks one rule at a time, driven
/// through its HTTP API: exactly the cases of that rule fail, naming it and quoting the frame; every other case passes.
/// The double's declaration names security profile 1, so the cases of profile 3 (a client certificate; the CSMS's CA
/// signing the charge point's certificate) and of TLS are not applicable, and so is the security-profile upgrade
/// (TC_083: the declaration names no second CSMS URL for the higher profile).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V16SecurityCaseVerdictTests
{
    private const string Password = "scripted-secret-0001";

    private static readonly string[] Actions = ["ChangeConfiguration", "TriggerMessage", "InstallCertificate", "GetInstalledCertificateIds", "DeleteCertificate", "GetLog", "UpdateFirmware"];

    private static readonly string[] NotApplicable = ["TC_074_CSMS", "TC_077_CSMS", "TC_078_CSMS", "TC_083_CSMS", "TC_086_CSMS", "TC_087_CSMS"];

    [Test]
    public async Task A_CSMS_that_keeps_every_rule_passes_every_case_and_the_TLS_cases_are_not_applicable()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        Failed(results).ShouldBeEmpty(string.Join("\n", results.Select(r => r.Message)));
        results.Where(r => r.Status == ScenarioStatus.NotApplicable).Select(Case).Distinct().Order().ShouldBe(NotApplicable);
        Message(results, "TC_074_CSMS").ShouldContain("the target declares security profile 1, not 3");
        Message(results, "TC_083_CSMS").ShouldContain("names one CSMS URL (security profile 1) and none for the upgrade");
        results.Where(r => r.Status == ScenarioStatus.Passed).Select(Case).Distinct().Order().ShouldBe(
            ["TC_073_CSMS", "TC_075_1_CSMS", "TC_075_2_CSMS", "TC_076_CSMS", "TC_079_CSMS", "TC_080_CSMS", "TC_081_CSMS", "TC_085_CSMS", "TC_088_CSMS"]);
    }

    [Test]
    public async Task A_CSMS_that_keeps_expecting_the_old_password_fails_TC_073_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { KeepsOldPassword = true });

        Failed(results).ShouldBe(["TC_073_CSMS"]);
        var failure = Message(results, "TC_073_CSMS");
        failure.ShouldContain("the CSMS must accept the connection of VERDICT-1 with the new Basic-auth password");
        failure.ShouldContain("HTTP 401");
    }

    [Test]
    public async Task A_CSMS_that_answers_security_events_with_an_error_fails_the_firmware_cases_that_report_one()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "SecurityEventNotification" });

        Failed(results).ShouldBe(["TC_080_CSMS", "TC_081_CSMS"]);
        Message(results, "TC_081_CSMS").ShouldContain("SecurityEventNotification");
    }

    [Test]
    public async Task A_CSMS_that_deletes_a_certificate_by_other_hash_data_fails_TC_076_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("DeleteCertificate", "certificateHashData.serialNumber", "\"0BAD\"") });

        Failed(results).ShouldBe(["TC_076_CSMS"]);
        var failure = Message(results, "TC_076_CSMS");
        failure.ShouldContain("the CSMS's DeleteCertificate has certificateHashData.serialNumber");
        failure.ShouldContain("\"DeleteCertificate\",{");
    }

    [Test]
    public async Task A_CSMS_that_leaves_the_log_status_unanswered_fails_TC_079_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { SilentFor = "LogStatusNotification" });

        Failed(results).ShouldBe(["TC_079_CSMS"]);
        Message(results, "TC_079_CSMS").ShouldContain("LogStatusNotification");
    }

    [Test]
    public async Task A_CSMS_that_upgrades_a_connection_offering_only_unknown_subprotocols_fails_TC_088_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { UpgradesUnknownSubprotocols = true });

        Failed(results).ShouldBe(["TC_088_CSMS"]);
        Message(results, "TC_088_CSMS").ShouldContain("must not upgrade the connection");
    }

    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow(), BasicAuthPassword = Password });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, Actions),
            Target = new TargetDeclaration { StationIds = ["VERDICT-1"], SecurityProfile = 1, Password = Password },
        };
        var results = (await InlineScenarios.RunFileAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "features", "conformance", "1.6", "security.feature"), csms.Url, settings)).ToList();
        results.Count.ShouldBe(17);
        return results;
    }
}

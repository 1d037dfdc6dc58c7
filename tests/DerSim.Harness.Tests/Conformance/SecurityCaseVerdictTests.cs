using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The CSMS-initiated conformance files of blocks A (security) and B (network profiles) against a loopback CSMS that
/// breaks one rule at a time, driven through its HTTP API: exactly the cases of that rule fail, naming it and quoting
/// the frame; every other case passes. The double's declaration names security profile 1, so the client-certificate
/// cases (profile 3) are not applicable, and so is the security-profile upgrade (TC_A_19: the declaration names no
/// second CSMS URL for profile 2; the embedded CSMS's part in it is tested in DerSim.Csms.Tests).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SecurityCaseVerdictTests
{
    private const string Password = "scripted-secret-0001";

    private static readonly string[] Files = ["a-security-csms.feature", "b-network-profile.feature"];

    private static readonly string[] ProfileThreeCases = ["TC_A_07_CSMS", "TC_A_08_CSMS", "TC_A_11_CSMS", "TC_A_14_CSMS"];

    [Test]
    public async Task A_CSMS_that_keeps_every_rule_passes_every_case_and_the_client_certificate_cases_are_not_applicable()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        Failed(results).ShouldBeEmpty(string.Join("\n", results.Select(r => r.Message)));
        results.Where(r => r.Status == ScenarioStatus.NotApplicable).Select(Case).Distinct().Order().ShouldBe([.. ProfileThreeCases, "TC_A_19_CSMS"]);
        Message(results, "TC_A_19_CSMS").ShouldContain("names one CSMS URL (security profile 1) and none for the upgrade");
        results.Where(r => r.Status == ScenarioStatus.Passed).Select(Case).Distinct().Order().ShouldBe(["TC_A_09_CSMS", "TC_A_10_CSMS", "TC_B_42_CSMS", "TC_B_44_CSMS"]);
        Message(results, "TC_A_11_CSMS").ShouldContain("the target declares security profile 1, not 3");
    }

    [Test]
    public async Task A_CSMS_that_sends_a_network_profile_with_another_security_profile_fails_TC_B_42_and_TC_B_44_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("SetNetworkProfile", "connectionData.securityProfile", "3") });

        Failed(results).ShouldBe(["TC_B_42_CSMS", "TC_B_44_CSMS"]);
        var failure = Message(results, "TC_B_42_CSMS");
        failure.ShouldContain("the CSMS's SetNetworkProfile has connectionData.securityProfile = 3, it was asked for 1");
        failure.ShouldContain("\"SetNetworkProfile\",{");
    }

    [Test]
    public async Task A_CSMS_that_keeps_expecting_the_old_password_fails_TC_A_09_only()
    {
        var results = await RunAsync(new ScriptedCsmsScript { KeepsOldPassword = true });

        Failed(results).ShouldBe(["TC_A_09_CSMS"]);
        var failure = Message(results, "TC_A_09_CSMS");
        failure.ShouldContain("the CSMS must accept the connection of VERDICT-1 with the new Basic-auth password");
        failure.ShouldContain("HTTP 401");
    }

    [Test]
    public async Task A_CSMS_that_still_admits_a_station_with_the_lower_security_profile_fails_the_A05_check_naming_the_URL()
    {
        // The check of TC_A_19's step 11 on its own: this CSMS admits the station with security profile 1 again.
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript { ClockStart = TimeProvider.System.GetUtcNow(), BasicAuthPassword = Password });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "SetVariables"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-1"], SecurityProfile = 1, Password = Password },
        };

        var result = (await InlineScenarios.RunAsync("""
            Feature: The lower security profile after an upgrade
              Scenario: The station tries its old profile
                Given the CSMS uses security profile 1
                And a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
                And the station is Booted
                When the station tries to connect with security profile 1 again
                Then the CSMS refused the station's connection with security profile 1
            """, csms.Url, settings)).Single();

        result.Status.ShouldBe(ScenarioStatus.Failed, result.Message);
        result.Message.ShouldContain("the CSMS must no longer accept it with security profile 1 (A05); it accepted the WebSocket upgrade at ws://");
        result.Message.ShouldContain("/VERDICT-1");
    }

    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow(), BasicAuthPassword = Password });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "SetVariables", "SetNetworkProfile", "TriggerMessage"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-1"], SecurityProfile = 1, Password = Password },
        };
        var results = await RunFolderAsync(csms.Url, settings, "2.0.1", Files);

        results.Count.ShouldBe(22);
        return results;
    }
}

using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The CSMS-initiated cases of blocks B (variables, reset), C (clear cache) and G (change availability) against a
/// loopback CSMS driven through its HTTP API that breaks one rule at a time: exactly the cases of that rule fail, the
/// message naming the rule or field and quoting the frame; a CSMS that keeps every rule passes every case.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class DeviceCsmsCaseVerdictTests
{
    private const string Variables = "b-variables-and-reset.feature";
    private const string Cache = "c-authorization-cache.feature";
    private const string Availability = "g-change-availability.feature";

    private static readonly string[] Resets = ["TC_B_20_CSMS", "TC_B_21_CSMS", "TC_B_22_CSMS"];

    [Test]
    public async Task A_CSMS_that_keeps_every_rule_passes_every_case_in_both_versions()
    {
        var results = await RunAsync(new ScriptedCsmsScript(), bothVersions: true, Variables, Cache, Availability);

        results.Count.ShouldBe(32);
        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_names_the_wrong_EVSE_in_ChangeAvailability_fails_exactly_the_availability_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("ChangeAvailability", "evse.id", "2") }, bothVersions: false, Cache, Availability);
        results.Count.ShouldBe(11);

        Failed(results).ShouldBe(["TC_G_03_CSMS", "TC_G_04_CSMS", "TC_G_05_CSMS", "TC_G_06_CSMS", "TC_G_07_CSMS", "TC_G_08_CSMS", "TC_G_11_CSMS", "TC_G_14_CSMS", "TC_G_17_CSMS"]);
        var evse = Message(results, "TC_G_03_CSMS");
        evse.ShouldContain("expected ChangeAvailability with operationalStatus = Inoperative, evse.id = 1, the CSMS sent ChangeAvailability with evse.id = 2");
        evse.ShouldContain("\"ChangeAvailability\",{");

        // Asked for the whole station, it named an EVSE: the field the case wants left out.
        var station = Message(results, "TC_G_05_CSMS");
        station.ShouldContain("the case asks the CSMS to leave evse out of its ChangeAvailability; it sent evse = {\"id\":2}");
    }

    [Test]
    public async Task A_CSMS_whose_Reset_names_an_EVSE_fails_exactly_the_reset_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("Reset", "evseId", "1") }, bothVersions: false, Variables, Cache);

        Failed(results).ShouldBe(Resets);
        var failure = Message(results, "TC_B_20_CSMS");
        failure.ShouldContain("the case asks the CSMS to leave evseId out of its Reset; it sent evseId = 1");
        failure.ShouldContain("\"Reset\",{");
    }

    [Test]
    public async Task A_CSMS_that_rejects_the_station_booting_again_after_a_reset_fails_exactly_the_reset_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { RebootStatus = "Rejected" }, bothVersions: false, Variables, Cache);

        Failed(results).ShouldBe(Resets);
        var failure = Message(results, "TC_B_22_CSMS");
        failure.ShouldContain("rule: the CSMS answers the BootNotification whose reason is RemoteReset with status = Accepted");
        failure.ShouldContain("\"status\":\"Rejected\"");
        Message(results, "TC_B_21_CSMS").ShouldContain("whose reason is ScheduledReset");
    }

    // The CALL timeout also bounds how long a CSMS action step waits for a CALL that matches what was asked: 2 s keeps
    // the run with a wrong field short.
    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script, bool bothVersions, params string[] files)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow() });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 2,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "GetVariables", "SetVariables", "Reset", "ClearCache", "ChangeAvailability"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-1"] },
        };
        return await RunFilesAsync(csms.Url, settings, bothVersions, files);
    }
}

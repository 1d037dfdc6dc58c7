using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The block K file (the smart-charging cases the CSMS starts) against a scripted CSMS driven through its HTTP API that
/// breaks one rule at a time: exactly the cases of that rule fail, naming the field or the message and quoting the
/// frame; an honest one passes every case. The 2.0.1 examples only: the 2.1 ones run the same steps.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SmartChargingCaseVerdictTests
{
    private static readonly string[] SetCases = ["TC_K_01_CSMS", "TC_K_03_CSMS", "TC_K_04_CSMS", "TC_K_15_CSMS", "TC_K_19_CSMS", "TC_K_60_CSMS", "TC_K_70_CSMS"];

    private static readonly string[] ReportCases = ["TC_K_05_CSMS", "TC_K_29_CSMS", "TC_K_30_CSMS", "TC_K_31_CSMS", "TC_K_32_CSMS", "TC_K_33_CSMS", "TC_K_34_CSMS", "TC_K_35_CSMS", "TC_K_36_CSMS"];

    [Test]
    public async Task A_CSMS_that_sends_what_it_is_asked_and_answers_every_report_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript());

        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_sends_another_stack_level_fails_every_SetChargingProfile_case_naming_the_field()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("SetChargingProfile", "chargingProfile.stackLevel", "0") });

        Failed(results).ShouldBe(SetCases);
        var failure = Message(results, "TC_K_01_CSMS");
        failure.ShouldContain("the CSMS's SetChargingProfile has chargingProfile.stackLevel = 0, it was asked for 1");
        failure.ShouldContain("\"SetChargingProfile\",{");
    }

    [Test]
    public async Task A_CSMS_whose_clear_adds_a_stack_level_fails_every_ClearChargingProfile_case_naming_the_field()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("ClearChargingProfile", "chargingProfileCriteria.stackLevel", "5") });

        Failed(results).ShouldBe(["TC_K_05_CSMS", "TC_K_06_CSMS", "TC_K_08_CSMS"]);
        Message(results, "TC_K_06_CSMS").ShouldContain("the CSMS's ClearChargingProfile has chargingProfileCriteria.stackLevel = 5, it was asked for 1");
        var byId = Message(results, "TC_K_05_CSMS");
        byId.ShouldContain("the case asks the CSMS to leave chargingProfileCriteria out of its ClearChargingProfile");
        byId.ShouldContain("\"chargingProfileId\":100");
    }

    [Test]
    public async Task A_CSMS_that_adds_a_stack_level_to_its_GetChargingProfiles_fails_the_cases_that_read_profiles()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("GetChargingProfiles", "chargingProfile.stackLevel", "7") });

        Failed(results).ShouldBe(ReportCases);
        Message(results, "TC_K_30_CSMS").ShouldContain("the case asks the CSMS to leave chargingProfile.stackLevel out of its GetChargingProfiles; it sent chargingProfile.stackLevel = 7");
        Message(results, "TC_K_33_CSMS").ShouldContain("the CSMS's GetChargingProfiles has chargingProfile.stackLevel = 7, it was asked for 1");
    }

    [Test]
    public async Task A_CSMS_that_asks_for_the_composite_schedule_in_another_unit_fails_the_composite_cases_naming_the_field()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("GetCompositeSchedule", "chargingRateUnit", "\"W\"") });

        Failed(results).ShouldBe(["TC_K_43_CSMS", "TC_K_44_CSMS"]);
        var failure = Message(results, "TC_K_44_CSMS");
        failure.ShouldContain("the CSMS's GetCompositeSchedule has chargingRateUnit = W, it was asked for A");
        failure.ShouldContain("\"GetCompositeSchedule\",{");
    }

    [Test]
    public async Task A_CSMS_that_answers_ReportChargingProfiles_with_a_CALLERROR_fails_the_cases_that_read_profiles()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "ReportChargingProfiles" });

        Failed(results).ShouldBe(ReportCases);
        var failure = Message(results, "TC_K_31_CSMS");
        failure.ShouldContain("the CSMS must answer every part of the ReportChargingProfiles for its GetChargingProfiles 1 with a CALLRESULT; 2 answered with an error (NotImplemented, NotImplemented)");
        failure.ShouldContain("\"ReportChargingProfiles\",{\"requestId\":1");
    }

    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow() });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 3,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "SetChargingProfile", "SetChargingProfileSchedule", "ClearChargingProfile", "GetChargingProfiles", "GetCompositeSchedule"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-K"] },
        };
        var results = await RunFilesAsync(csms.Url, settings, bothVersions: false, "k-smart-charging.feature");
        results.Count.ShouldBe(20);
        return [.. results];
    }
}

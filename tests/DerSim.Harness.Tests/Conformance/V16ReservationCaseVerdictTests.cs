using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The OCPP 1.6 LocalAuthListManagement and Reservation cases (TC_042–TC_053) against a loopback CSMS driven through
/// its HTTP API that breaks one rule at a time: exactly the cases of that rule fail, the message naming the rule or
/// field and quoting the frame; a CSMS that keeps every rule passes every case.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V16ReservationCaseVerdictTests
{
    private const string LocalList = "local-auth-list.feature";
    private const string Reservation = "reservation.feature";

    [Test]
    public async Task A_CSMS_that_keeps_every_rule_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens() }, LocalList, Reservation);

        results.Count.ShouldBe(16);
        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_sends_a_differential_list_for_a_full_one_fails_exactly_the_full_list_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("SendLocalList", "updateType", "\"Differential\"") }, LocalList);

        // TC_043_5 sends a differential update itself: its check is on that one.
        Failed(results).ShouldBe(["TC_043_1_CSMS", "TC_043_3_CSMS", "TC_043_4_CSMS"]);
        var failure = Message(results, "TC_043_4_CSMS");
        failure.ShouldContain("the CSMS's SendLocalList has updateType = Differential, it was asked for Full");
        failure.ShouldContain("\"SendLocalList\",{");
    }

    [Test]
    public async Task A_CSMS_that_cancels_another_reservation_fails_exactly_the_cancel_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens(), WrongFieldIn = ("CancelReservation", "reservationId", "99") }, Reservation);

        Failed(results).ShouldBe(["TC_051_CSMS", "TC_052_CSMS"]);
        var failure = Message(results, "TC_051_CSMS");
        failure.ShouldContain("the CSMS's CancelReservation has reservationId = 99, it was asked for 1");
        failure.ShouldContain("\"CancelReservation\",{");
    }

    [Test]
    public async Task A_CSMS_that_answers_the_parent_token_without_its_group_fails_the_parentIdTag_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { Tokens = ScriptedCsmsScript.DeclaredTokens(), NoGroupIn = "Authorize" }, Reservation);

        Failed(results).ShouldBe(["TC_053_CSMS"]);
        var failure = Message(results, "TC_053_CSMS");
        failure.ShouldContain("rule: the CSMS answers the Authorize of a token of the valid token's group (04C0FFEE) with idTagInfo.parentIdTag = DERSIM-GROUP-1");
        failure.ShouldContain("it answered nothing");
        failure.ShouldContain("\"Authorize\",{\"idTag\":\"04C0FFEE\"}");
    }

    // The CALL timeout also bounds how long a CSMS action step waits for a CALL that matches what was asked: 2 s keeps
    // the run with a wrong field short.
    private static async Task<List<ScenarioResult>> RunAsync(ScriptedCsmsScript script, params string[] files)
    {
        await using var csms = await ScriptedCsms.StartAsync(script with { ClockStart = TimeProvider.System.GetUtcNow() });
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 2,
            CsmsDriver = "Http",
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "SendLocalList", "GetLocalListVersion", "ReserveNow", "CancelReservation"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-16"] },
        };
        var results = await RunFolderAsync(csms.Url, settings, "1.6", files);

        return results;
    }
}

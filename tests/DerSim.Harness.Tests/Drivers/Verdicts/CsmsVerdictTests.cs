using System.Globalization;
using DerSim.Harness.Configuration;
using DerSim.Gherkin.Model;
using DerSim.Harness.Tests.Drivers.Csms;

namespace DerSim.Harness.Tests.Drivers.Verdicts;

/// <summary>
/// Scenarios against loopback CSMS doubles that behave as real CSMSes do (their own clock, slow answers, CALLs of their
/// own, refused upgrades): the verdict is about what the CSMS did, never about DerSim's shortcuts.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CsmsVerdictTests
{
    private const string Header = """
        Feature: Verdicts
          Scenario: One
            Given a station "VERDICT-1" with profile "EVSE-DC-150kW-CCS-1port" on OCPP 2.0.1

        """;

    private const string HardReset = Header + """
            When the station connects to the CSMS
            Then the CSMS answers the boot with "Accepted"
            When the CSMS resets the station with a "Hard" reset
        """;

    [Test]
    public async Task The_station_clock_follows_the_CSMS_boot_time_and_a_profile_valid_from_the_CSMS_now_is_in_force()
    {
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript { ClockStart = new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero) });
        var settings = new DerSimSettings { CallTimeoutSeconds = 5, CsmsDriver = "Http", Http = InlineScenarios.TriggerApi(csms.ApiUrl, "SetChargingProfile") };

        var results = await InlineScenarios.RunAsync(Header + """
                When the station connects to the CSMS
                And an EV "sedan-75" at 20% plugs into EVSE 1
                And the driver presents token "TAG-1" on EVSE 1
                And the CSMS limits EVSE 1 to 20 kW with a TxProfile
                Then the station answered "SetChargingProfile" with "Accepted"
                When 10 minutes pass
                Then every MeterValues "Power.Active.Import" on EVSE 1 is at most 20 kW
                And the highest MeterValues "Power.Active.Import" on EVSE 1 is at least 10 kW
            """, csms.Url, settings);

        results.Single().Status.ShouldBe(ScenarioStatus.Passed, results.Single().Message);
        var stamps = csms.CallsOf("StatusNotification").Concat(csms.CallsOf("TransactionEvent"))
            .Select(p => DateTimeOffset.Parse(p.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture))
            .ToList();
        stamps.ShouldNotBeEmpty();
        stamps.ShouldAllBe(t => t >= csms.ClockStart && t < csms.ClockStart.AddHours(1));
    }

    [Test]
    public async Task A_Hard_reset_step_fails_when_the_CSMS_sends_a_Soft_one_naming_what_it_sent()
    {
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript
        {
            AfterBoot = [(TimeSpan.FromSeconds(1), "Reset", """{"type":"OnIdle"}""")],
        });
        var settings = new DerSimSettings { CallTimeoutSeconds = 5, CsmsDriver = "Manual", ManualTimeoutSeconds = 4 };

        var results = await InlineScenarios.RunAsync(HardReset, csms.Url, settings);

        results.Single().Status.ShouldBe(ScenarioStatus.Failed, results.Single().Message);
        results.Single().Message.ShouldContain("expected Reset with type = Immediate, the CSMS sent Reset with type = OnIdle");
    }

    [Test]
    public async Task A_Manual_driver_timeout_is_inconclusive_not_failed()
    {
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript());
        var settings = new DerSimSettings { CallTimeoutSeconds = 5, CsmsDriver = "Manual", ManualTimeoutSeconds = 1 };

        var results = await InlineScenarios.RunAsync(HardReset, csms.Url, settings);

        results.Single().Status.ShouldBe(ScenarioStatus.Inconclusive, results.Single().Message);
        results.Single().Message.ShouldContain("inconclusive: no operator made the CSMS send Reset");
    }

    [Test]
    public async Task A_command_about_a_transaction_waits_until_the_CSMS_answered_its_start()
    {
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript { StartAnswerDelay = TimeSpan.FromSeconds(1.5) });
        var settings = new DerSimSettings { CallTimeoutSeconds = 8, CsmsDriver = "Http", Http = InlineScenarios.TriggerApi(csms.ApiUrl, "RemoteStop") };

        var results = await InlineScenarios.RunAsync(Header + """
                And an EV "sedan-75" at 20% that wants 80%
                When the station connects to the CSMS
                And the CSMS stops the transaction on EVSE 1
                Then the station answered "RequestStopTransaction" with "Accepted"
            """, csms.Url, settings);

        results.Single().Status.ShouldBe(ScenarioStatus.Passed, results.Single().Message);
    }

    [Test]
    public async Task The_start_step_returns_only_once_the_CSMS_answered_the_start()
    {
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript { StartAnswerDelay = TimeSpan.FromSeconds(1.5) });
        var settings = new DerSimSettings { CallTimeoutSeconds = 8 };

        var results = await InlineScenarios.RunAsync(Header + """
                And an EV "sedan-75" at 20% that wants 80%
                When the station connects to the CSMS
                Then the station starts a transaction
                And the CSMS answered a "TransactionEvent" with "idTokenInfo.status" = "Accepted"
            """, csms.Url, settings);

        results.Single().Status.ShouldBe(ScenarioStatus.Passed, results.Single().Message);
        var answered = results.Single().Steps.Single(s => s.Step.Text.Contains("starts a transaction", StringComparison.Ordinal));
        answered.Duration.ShouldBeGreaterThan(TimeSpan.FromSeconds(1));
    }

    [Test]
    public async Task A_scenario_that_leaves_a_transaction_running_ends_it_and_closes_the_socket_cleanly()
    {
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript());
        var settings = new DerSimSettings { CallTimeoutSeconds = 5 };

        var results = await InlineScenarios.RunAsync(Header + """
                And an EV "sedan-75" at 20% that wants 80%
                When the station connects to the CSMS
                Then the station starts a transaction
            """, csms.Url, settings);

        results.Single().Status.ShouldBe(ScenarioStatus.Passed, results.Single().Message);
        var ended = csms.CallsOf("TransactionEvent").Where(p => p.GetProperty("eventType").GetString() == "Ended").ToList();
        ended.Count.ShouldBe(1, "the CSMS never heard the transaction end");
        ended[0].GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("Local");
        var deadline = TimeProvider.System.GetTimestamp();
        while (!csms.ClosedCleanly.ContainsKey("VERDICT-1") && TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(20);
        }

        csms.ClosedCleanly.ShouldContainKey("VERDICT-1");
    }

    [Test]
    public async Task A_CALLERROR_is_not_a_schema_failure_but_fails_its_own_check_naming_the_code_and_the_call()
    {
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript { ErrorFor = "StatusNotification" });
        var settings = new DerSimSettings { CallTimeoutSeconds = 5 };

        var results = await InlineScenarios.RunAsync(Header + """
                When the station connects to the CSMS
                Then the CSMS answers the boot with "Accepted"
                And the station soon sends a "StatusNotification"
                And every frame is valid against the OCPP schema
                And the CSMS answered no call with an error
            """, csms.Url, settings);

        var result = results.Single();
        result.Status.ShouldBe(ScenarioStatus.Failed, result.Message);
        result.Message.ShouldContain("And the CSMS answered no call with an error failed");
        result.Message.ShouldContain("NotImplemented to StatusNotification");
    }

    [Test]
    public async Task A_CSMS_refusing_the_upgrade_fails_the_connect_step_at_once_with_its_status_and_URL()
    {
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript { RefuseUpgradeWith = 401 });
        var settings = new DerSimSettings { CallTimeoutSeconds = 10 };

        var results = await InlineScenarios.RunAsync(Header + """
                When the station connects to the CSMS
                Then the CSMS answers the boot with "Accepted"
            """, csms.Url, settings);

        var result = results.Single();
        result.Status.ShouldBe(ScenarioStatus.Failed, result.Message);
        result.Message.ShouldContain("When the station connects to the CSMS failed");
        result.Message.ShouldContain("HTTP 401");
        result.Message.ShouldContain(csms.Url.Authority);
        result.Duration.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Soon_sends_looks_only_after_the_CSMS_action_not_at_the_boot()
    {
        var settings = new DerSimSettings { CallTimeoutSeconds = 2 };

        var results = await InlineScenarios.RunAsync(Header + """
                When the station connects to the CSMS
                Then the station reports every connector as "Available"
                When the CSMS triggers a "Heartbeat"
                Then the station soon sends a "StatusNotification"
            """, csms: null, settings);

        var result = results.Single();
        result.Status.ShouldBe(ScenarioStatus.Failed, result.Message);
        result.Message.ShouldContain("a StatusNotification from the station after the CSMS's TriggerMessage");
    }
}

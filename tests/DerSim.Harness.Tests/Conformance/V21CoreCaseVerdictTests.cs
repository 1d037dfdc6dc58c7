using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

using static DerSim.Harness.Tests.Conformance.CaseResults;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// The OCPP 2.1-only Core and Smart Charging cases (features/conformance/2.1: ImmediateAndResume resets, a transaction
/// resumed after a power loss, limits set at the station, SetNetworkProfile with credentials, a network configuration
/// added with SetVariables, maxOfflineDuration and
/// randomizedDelay profiles, a log upload with credentials) against a loopback CSMS driven through its HTTP API that
/// breaks one rule at a time: exactly the cases of that rule fail, the message naming the rule and quoting the frame.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V21CoreCaseVerdictTests
{
    private const string Provisioning = "b-provisioning.feature";
    private const string Transactions = "e-transactions.feature";
    private const string SmartCharging = "k-smart-charging.feature";
    private const string Diagnostics = "n-diagnostics.feature";

    [Test]
    public async Task A_CSMS_that_keeps_every_rule_passes_every_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript(), Provisioning, Transactions, SmartCharging, Diagnostics);

        results.Count.ShouldBe(14);
        results.Where(r => r.Status != ScenarioStatus.Passed).Select(r => $"{Case(r)}: {r.Message}").ShouldBeEmpty();
    }

    [Test]
    public async Task A_CSMS_that_rejects_the_boot_after_a_reset_fails_exactly_the_cases_that_reset_the_station()
    {
        var results = await RunAsync(new ScriptedCsmsScript { RebootStatus = "Rejected" }, Provisioning);

        // The ImmediateAndResume resets, and the reset that moves the station onto its new network configuration.
        Failed(results).ShouldBe(["TC_B_103_CSMS", "TC_B_104_CSMS", "TC_B_105_CSMS"]);
        var failure = Message(results, "TC_B_104_CSMS");
        failure.ShouldContain("rule: the CSMS answers the BootNotification whose reason is RemoteReset with status = Accepted");
        failure.ShouldContain("\"status\":\"Rejected\"");
    }

    [Test]
    public async Task A_CSMS_that_refuses_a_resumed_transaction_fails_exactly_the_resumption_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorForTriggerReason = "TxResumed" }, Provisioning, Transactions);

        Failed(results).ShouldBe(["TC_B_103_CSMS", "TC_E_113_CSMS", "TC_E_117_CSMS"]);
        var failure = Message(results, "TC_E_113_CSMS");
        failure.ShouldContain("rule: the CSMS answers every TransactionEvent with a CALLRESULT in time");
        failure.ShouldContain("NotImplemented");
        failure.ShouldContain("\"TxResumed\"");
    }

    [Test]
    public async Task A_CSMS_that_refuses_a_limit_set_at_the_station_fails_exactly_the_limit_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorForTriggerReason = "LimitSet" }, Transactions);

        Failed(results).ShouldBe(["TC_E_106_CSMS", "TC_E_107_CSMS", "TC_E_108_CSMS"]);
        Message(results, "TC_E_107_CSMS").ShouldContain("rule: the CSMS answers the TransactionEvent whose triggerReason is LimitSet with a CALLRESULT without transactionLimit; it answered");
    }

    [Test]
    public async Task A_CSMS_that_sends_the_tariff_in_another_currency_or_refuses_the_running_cost_fails_exactly_the_cost_limit_case()
    {
        var currency = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("SetDefaultTariff", "tariff.currency", "\"USD\"") }, Transactions);
        Failed(currency).ShouldBe(["TC_E_108_CSMS"]);
        Message(currency, "TC_E_108_CSMS").ShouldContain("the CSMS's SetDefaultTariff has tariff.currency = USD, it was asked for EUR");

        var running = await RunAsync(new ScriptedCsmsScript { ErrorForTriggerReason = "RunningCost" }, Transactions);
        Failed(running).ShouldBe(["TC_E_108_CSMS"]);
        var failure = Message(running, "TC_E_108_CSMS");
        failure.ShouldContain("rule: the CSMS answers every TransactionEvent with a CALLRESULT in time");
        failure.ShouldContain("\"RunningCost\"");
    }

    [Test]
    public async Task A_CSMS_that_forgets_the_TxProfile_of_a_resumed_transaction_fails_exactly_that_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ForgetsTxProfileOnResume = true }, Transactions);

        Failed(results).ShouldBe(["TC_E_117_CSMS"]);
        var failure = Message(results, "TC_E_117_CSMS");
        failure.ShouldContain("rule: after the station's TransactionEvent whose triggerReason is TxResumed the CSMS sends SetChargingProfile with chargingProfile.chargingProfilePurpose = TxProfile");
        failure.ShouldContain("\"TxResumed\"");
    }

    [Test]
    public async Task A_CSMS_that_gets_the_offline_duration_wrong_fails_exactly_the_case_that_asks_for_one()
    {
        // The other profiles were asked for no maxOfflineDuration: a field the case does not name is not held against them.
        var results = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("SetChargingProfile", "chargingProfile.maxOfflineDuration", "5") }, Transactions, SmartCharging);

        Failed(results).ShouldBe(["TC_K_100_CSMS"]);
        var failure = Message(results, "TC_K_100_CSMS");
        failure.ShouldContain("chargingProfile.maxOfflineDuration = 5");
        failure.ShouldContain("\"SetChargingProfile\",{");
    }

    [Test]
    public async Task A_CSMS_that_loses_the_identity_of_a_network_profile_or_the_log_location_fails_exactly_those_cases()
    {
        // Recorded passwords are masked, so the identity stands for the connection's credentials.
        var profile = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("SetNetworkProfile", "connectionData.identity", "\"someone-else\"") }, Provisioning);
        Failed(profile).ShouldBe(["TC_B_100_CSMS"]);
        Message(profile, "TC_B_100_CSMS").ShouldContain("connectionData.identity = someone-else");

        var log = await RunAsync(new ScriptedCsmsScript { WrongFieldIn = ("GetLog", "log.remoteLocation", "\"http://127.0.0.1:9/uploads/\"") }, Diagnostics);
        Failed(log).ShouldBe(["TC_N_102_CSMS", "TC_N_103_CSMS"]);
        Message(log, "TC_N_103_CSMS").ShouldContain("log.remoteLocation");
        Message(log, "TC_N_103_CSMS").ShouldContain("\"GetLog\",{");
    }

    [Test]
    public async Task A_CSMS_that_leaves_ApnEnabled_out_of_a_new_network_configuration_fails_exactly_that_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { DroppedVariable = "ApnEnabled" }, Provisioning);

        Failed(results).ShouldBe(["TC_B_105_CSMS"]);
        var failure = Message(results, "TC_B_105_CSMS");
        failure.ShouldContain("the CSMS's SetVariables has no setVariableData item with attributeValue = false, component.name = NetworkConfiguration, component.instance = 2, variable.name = ApnEnabled, it was asked for one");
        failure.ShouldContain("\"VpnEnabled\"");
    }

    [Test]
    public async Task A_CSMS_that_refuses_the_log_status_notifications_fails_the_log_upload_cases()
    {
        var results = await RunAsync(new ScriptedCsmsScript { ErrorFor = "LogStatusNotification" }, Diagnostics);

        Failed(results).ShouldBe(["TC_N_102_CSMS", "TC_N_103_CSMS"]);
        var failure = Message(results, "TC_N_103_CSMS");
        failure.ShouldContain("LogStatusNotification");
    }

    [Test]
    public async Task A_CSMS_that_upgrades_a_connection_offering_only_unknown_subprotocols_fails_exactly_the_subprotocol_case()
    {
        var results = await RunAsync(new ScriptedCsmsScript { UpgradesUnknownSubprotocols = true }, Provisioning);

        Failed(results).ShouldBe(["TC_B_58_CSMS"]);
        var failure = Message(results, "TC_B_58_CSMS");
        failure.ShouldContain("OCPP-J: a CSMS that supports none of the subprotocols offered (ocpp0.1) must not upgrade the connection");
        failure.ShouldContain("upgraded it with subprotocol ocpp0.1");
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
            Http = InlineScenarios.TriggerApi(csms.ApiUrl, "Reset", "SetNetworkProfile", "SetNetworkConfiguration", "SetVariables", "SetChargingProfile", "SetChargingProfileSchedule", "GetLog", "SetDefaultTariff"),
            Target = new TargetDeclaration { StationIds = ["VERDICT-21"] },
        };
        var results = await RunFolderAsync(csms.Url, settings, "2.1", files);

        return results;
    }
}

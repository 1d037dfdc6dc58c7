using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>Charging profiles the CSMS sends during a session change the delivered power, in virtual time, against the reference CSMS.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SmartChargingSessionTests
{
    private const string Dc150 = "EVSE-DC-150kW-CCS-1port";

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_50kW_TxProfile_sent_once_the_transaction_starts_caps_every_later_sample(OcppVersion version)
    {
        var plan = new SessionPlan { Sessions = 1, InitialSocPercent = 20, TargetSocPercent = 80 };
        await using var rig = await SessionRig.StartAsync(version, Dc150, $"TXP-{version}", plan, held: true);
        var tx = await rig.WaitForTransactionAsync(_ => true);

        var (action, json) = CsmsPayloads.SetProfile(version, 1, 7, "TxProfile", tx.TransactionId, (0, 50_000));
        var answer = await rig.CallAsync(action, json);
        answer.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        rig.ReleaseTime();
        await rig.WaitForSessionsAsync(TimeSpan.FromSeconds(60));

        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
        var power = rig.PowerKw();

        // No simulated time passed before the profile arrived, so every sample is under it; the car (up to 150 kW
        // at this SoC) charges at the limit, not below it.
        power.Count.ShouldBeGreaterThan(5, rig.Describe());
        power.ShouldAllBe(kw => kw <= 50 + 1e-6, rig.Describe());
        power.Count(kw => kw > 49).ShouldBeGreaterThan(3, rig.Describe());
        States(rig).ShouldContain("SuspendedEV", rig.Describe());
        rig.Csms.Stations[rig.Id].Transactions[tx.TransactionId].EndedAt.ShouldNotBeNull();
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_TxProfile_with_no_transaction_is_rejected(OcppVersion version)
    {
        await using var rig = await SessionRig.StartAsync(version, Dc150, $"TXNONE-{version}", new SessionPlan { Sessions = 0 });
        await rig.Csms.WaitForAsync(rig.Id, s => s.ConnectorStatus.Values.Any(v => v == "Available"), TimeSpan.FromSeconds(10));

        var (action, json) = CsmsPayloads.SetProfile(version, 1, 3, "TxProfile", version == OcppVersion.V16 ? "1" : "no-such-tx", (0, 50_000));
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Rejected", rig.Describe());

        // A TxDefaultProfile on the same EVSE is fine without a transaction: the rejection is about the purpose.
        (action, json) = CsmsPayloads.SetProfile(version, 1, 4, "TxDefaultProfile", null, (0, 50_000));
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    public async Task The_composite_schedule_is_the_minimum_of_station_max_and_TxProfile_and_clearing_restores_power(OcppVersion version)
    {
        var plan = new SessionPlan { Sessions = 1, InitialSocPercent = 20, TargetSocPercent = 80 };
        await using var rig = await SessionRig.StartAsync(version, Dc150, $"COMP-{version}", plan, held: true);
        var tx = await rig.WaitForTransactionAsync(_ => true);

        var (action, json) = CsmsPayloads.SetProfile(version, 0, 1, "ChargingStationMaxProfile", null, (0, 100_000));
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        (action, json) = CsmsPayloads.SetProfile(version, 1, 2, "TxProfile", tx.TransactionId, (0, 50_000), (1800, 120_000));
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());

        (action, json) = CsmsPayloads.CompositeSchedule(version, 1, 3600);
        var composite = await rig.CallAsync(action, json);
        composite.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        var schedule = composite.GetProperty(version == OcppVersion.V16 ? "chargingSchedule" : "schedule");
        schedule.GetProperty("chargingRateUnit").GetString().ShouldBe("W");
        var periods = schedule.GetProperty("chargingSchedulePeriod").EnumerateArray()
            .Select(p => (Start: p.GetProperty("startPeriod").GetInt32(), Limit: p.GetProperty("limit").GetDouble())).ToList();
        periods.ShouldBe([(0, 50_000d), (1800, 100_000d)], $"composite: {composite}\n{rig.Describe()}");

        // One sample runs under the TxProfile; time stands still when it reaches the CSMS, and the profile is cleared then.
        var firstSample = rig.HoldAtAsync(IsPeriodicSample);
        rig.ReleaseTime();
        await firstSample.WaitAsync(TimeSpan.FromSeconds(20));
        var limited = rig.PowerKw()[^1];
        limited.ShouldBeLessThanOrEqualTo(50 + 1e-6, rig.Describe());
        limited.ShouldBeGreaterThan(45, rig.Describe());

        (action, json) = CsmsPayloads.ClearProfile(version, 2);
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        var before = rig.PowerKw().Count;
        rig.ReleaseTime();
        await rig.WaitForSessionsAsync(TimeSpan.FromSeconds(60));

        // Within one sample interval the station max (100 kW) is the only limit again.
        var after = rig.PowerKw().Skip(before).ToList();
        after.Count.ShouldBeGreaterThan(1, rig.Describe());
        after[0].ShouldBeGreaterThan(90, rig.Describe());
        after.ShouldAllBe(kw => kw <= 100 + 1e-6, rig.Describe());
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    /// <summary>A periodic sample of a running transaction (1.6 MeterValues, 2.x TransactionEvent MeterValuePeriodic).</summary>
    private static bool IsPeriodicSample(string action, JsonElement payload) =>
        action == "MeterValues"
        || (action == "TransactionEvent" && payload.GetProperty("triggerReason").GetString() == "MeterValuePeriodic");

    /// <summary>The charging states the station reported (1.6 StatusNotification status, 2.x chargingState).</summary>
    internal static IReadOnlyList<string> States(SessionRig rig) =>
        rig.Version == OcppVersion.V16
            ? [.. rig.Calls().Where(c => c.Action == "StatusNotification").Select(c => c.Payload.GetProperty("status").GetString()!)]
            : [.. rig.Calls().Where(c => c.Action == "TransactionEvent" && c.Payload.GetProperty("transactionInfo").TryGetProperty("chargingState", out _))
                .Select(c => c.Payload.GetProperty("transactionInfo").GetProperty("chargingState").GetString()!)];

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task GetChargingProfiles_reports_the_installed_profiles_after_its_answer(OcppVersion version)
    {
        await using var rig = await SessionRig.StartAsync(version, Dc150, $"GETCP-{version}", new SessionPlan { Sessions = 0 });
        await rig.Csms.WaitForAsync(rig.Id, s => s.ConnectorStatus.Values.Any(v => v == "Available"), TimeSpan.FromSeconds(10));
        var (action, json) = CsmsPayloads.SetProfile(version, 1, 4, "TxDefaultProfile", null, (0, 40_000));
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());

        var none = await rig.CallAsync("GetChargingProfiles", """{"requestId":6,"chargingProfile":{"chargingProfilePurpose":"TxProfile"}}""");
        none.GetProperty("status").GetString().ShouldBe("NoProfiles", rig.Describe());

        var answer = await rig.CallAsync("GetChargingProfiles", """{"requestId":7,"evseId":1,"chargingProfile":{"chargingProfilePurpose":"TxDefaultProfile"}}""");
        answer.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!rig.Calls().Any(c => c.Action == "ReportChargingProfiles") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var reports = rig.Calls().Where(c => c.Action == "ReportChargingProfiles").Select(c => c.Payload).ToList();
        reports.Count.ShouldBe(1, rig.Describe());
        var report = reports[0];
        report.GetProperty("requestId").GetInt32().ShouldBe(7);
        report.GetProperty("evseId").GetInt32().ShouldBe(1);
        var profile = report.GetProperty("chargingProfile").EnumerateArray().Single();
        profile.GetProperty("id").GetInt32().ShouldBe(4);
        profile.GetProperty("chargingProfilePurpose").GetString().ShouldBe("TxDefaultProfile");
        profile.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble().ShouldBe(40_000);
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    // TC_K_15: with SmartChargingCtrlr.Enabled false the station knows the smart-charging actions but does not
    // support them: CALLERROR NotSupported (OCPP-J), and nothing is installed.
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_station_with_smart_charging_switched_off_answers_smart_charging_requests_with_NotSupported(OcppVersion version)
    {
        await using var rig = await SessionRig.StartAsync(version, Dc150, $"SCOFF-{version}", new SessionPlan { Sessions = 0 });
        await rig.Csms.WaitForAsync(rig.Id, s => s.ConnectorStatus.Values.Any(v => v == "Available"), TimeSpan.FromSeconds(10));
        var configuration = rig.Runner.Station.Configuration;
        configuration.TrySet(configuration.Get("SmartChargingCtrlr", "Enabled")!, "false").ShouldBe(DerSim.Sim.StationModel.SetOutcome.Accepted);

        var (action, json) = CsmsPayloads.SetProfile(version, 1, 4, "TxDefaultProfile", null, (0, 40_000));
        (await Should.ThrowAsync<DerSim.Ocpp.Rpc.OcppCallErrorException>(() => rig.CallAsync(action, json))).ErrorCode.ShouldBe("NotSupported");
        (await Should.ThrowAsync<DerSim.Ocpp.Rpc.OcppCallErrorException>(() => rig.CallAsync("GetChargingProfiles", """{"requestId":1,"chargingProfile":{"chargingProfilePurpose":"TxDefaultProfile"}}""")))
            .ErrorCode.ShouldBe("NotSupported");
        (await Should.ThrowAsync<DerSim.Ocpp.Rpc.OcppCallErrorException>(() => rig.CallAsync("ClearChargingProfile", """{"chargingProfileId":4}""")))
            .ErrorCode.ShouldBe("NotSupported");
        rig.Runner.Engine.Profiles.Profiles.ShouldBeEmpty();
    }
}

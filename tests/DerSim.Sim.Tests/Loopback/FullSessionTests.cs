using System.Diagnostics;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Sim.Physics;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>A whole 20→80 % session on every bundled profile against the reference CSMS, in virtual time, in every version.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class FullSessionTests
{
    private static readonly string[] Profiles =
    [
        "EVSE-AC-22kW-1port", "EVSE-AC-7.4kW-2port", "EVSE-DC-150kW-CCS-1port",
        "EVSE-DC-350kW-CCS-2port", "EVSE-Hybrid-2DC-1AC", "EVSE-V2G-DC-50kW-bidir",
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from version in OcppVersions.All
        from profile in Profiles
        select new TestCaseData(version, profile).SetName($"{version.DisplayName()} {profile}: a 20→80 % session is valid and coherent");

    [TestCaseSource(nameof(Cases))]
    public async Task A_full_session_runs_start_samples_suspended_evse_and_end(OcppVersion version, string profile)
    {
        var plan = new SessionPlan { Sessions = 1, InitialSocPercent = 20, TargetSocPercent = 80 };
        await using var rig = await SessionRig.StartAsync(version, profile, $"FS-{version}-{profile}", plan);
        var wall = Stopwatch.StartNew();
        await rig.WaitForSessionsAsync(TimeSpan.FromSeconds(60));
        TestContext.Out.WriteLine($"{version.DisplayName()} {profile}: session wall time {wall.Elapsed.TotalMilliseconds:0} ms");

        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
        var calls = rig.Calls().Select(c => c.Action).ToList();
        var evses = rig.Runner.Station.Profile.Evses.Count;
        if (version == OcppVersion.V16)
        {
            calls.Count(a => a == "StartTransaction").ShouldBe(evses, rig.Describe());
            calls.Count(a => a == "StopTransaction").ShouldBe(evses, rig.Describe());
            calls.ShouldContain("MeterValues");
            calls.IndexOf("Authorize").ShouldBeLessThan(calls.IndexOf("StartTransaction"));
            var statuses = rig.Calls().Where(c => c.Action == "StatusNotification").Select(c => c.Payload.GetProperty("status").GetString()).ToList();
            statuses.ShouldContain("Charging");
            statuses.ShouldContain("SuspendedEV");
            statuses.ShouldContain("Finishing");
            statuses[^1].ShouldBe("Available");
            foreach (var stop in rig.Calls().Where(c => c.Action == "StopTransaction"))
            {
                stop.Payload.GetProperty("reason").GetString().ShouldBe("EVDisconnected");
                var meterStop = stop.Payload.GetProperty("meterStop").GetInt32();
                var data = stop.Payload.GetProperty("transactionData").EnumerateArray().Last().GetProperty("sampledValue").EnumerateArray()
                    .First(v => v.GetProperty("measurand").GetString() == "Energy.Active.Import.Register");
                decimal.Parse(data.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(meterStop);
            }

            foreach (var tx in rig.Csms.Stations[rig.Id].Transactions.Values)
            {
                tx.EndedAt.ShouldNotBeNull();
                var delivered = (double)(tx.MeterStopWh!.Value - tx.MeterStartWh!.Value) / 1000;
                delivered.ShouldBe(ExpectedKwh(rig.Runner.Station.Profile), ExpectedKwh(rig.Runner.Station.Profile) * 0.02, rig.Describe());
            }
        }
        else
        {
            var events = rig.Calls().Where(c => c.Action == "TransactionEvent").Select(c => c.Payload).ToList();
            events.Count(e => e.GetProperty("eventType").GetString() == "Started").ShouldBe(evses);
            events.Count(e => e.GetProperty("eventType").GetString() == "Ended").ShouldBe(evses);
            events.ShouldContain(e => e.GetProperty("triggerReason").GetString() == "MeterValuePeriodic");
            var states = events.Where(e => e.GetProperty("triggerReason").GetString() == "ChargingStateChanged")
                .Select(e => e.GetProperty("transactionInfo").GetProperty("chargingState").GetString()).ToList();
            states.ShouldContain("Charging");
            states.ShouldContain("SuspendedEV");
            foreach (var group in events.GroupBy(e => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString()))
            {
                group.Select(e => e.GetProperty("seqNo").GetInt32()).ShouldBe(Enumerable.Range(0, group.Count()));
                group.First().GetProperty("eventType").GetString().ShouldBe("Started");
                group.Last().GetProperty("eventType").GetString().ShouldBe("Ended");
                group.Last().GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("EVDisconnected");
                var registers = group.Where(e => e.TryGetProperty("meterValue", out _))
                    .SelectMany(e => e.GetProperty("meterValue").EnumerateArray())
                    .SelectMany(m => m.GetProperty("sampledValue").EnumerateArray())
                    .Where(v => v.GetProperty("measurand").GetString() == "Energy.Active.Import.Register")
                    .Select(v => v.GetProperty("value").GetDecimal()).ToList();
                var delivered = (double)(registers[^1] - registers[0]) / 1000;
                delivered.ShouldBe(ExpectedKwh(rig.Runner.Station.Profile), ExpectedKwh(rig.Runner.Station.Profile) * 0.02, rig.Describe());
            }
        }

        if (evses == 1)
        {
            var energy = rig.Values("Energy.Active.Import.Register").Select(v => v.Value).ToList();
            energy.Count.ShouldBeGreaterThan(2);
            energy.Zip(energy.Skip(1)).ShouldAllBe(p => p.Second >= p.First, "energy register monotonic");
        }
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task DC150_session_20_to_80_with_60s_samples_wall_time(OcppVersion version)
    {
        var plan = new SessionPlan { Sessions = 1, InitialSocPercent = 20, TargetSocPercent = 80 };
        await using var rig = await SessionRig.StartAsync(version, "EVSE-DC-150kW-CCS-1port", $"BENCH-{version}", plan);
        var wall = Stopwatch.StartNew();
        await rig.WaitForSessionsAsync(TimeSpan.FromSeconds(60));
        wall.Stop();
        var values = rig.Values("Energy.Active.Import.Register");
        var simulated = values[^1].At - values[0].At;
        TestContext.Out.WriteLine($"{version.DisplayName()} DC-150 20→80 %, 60 s samples: {simulated.TotalMinutes:0.#} simulated minutes in {wall.Elapsed.TotalMilliseconds:0} ms wall ({simulated.TotalSeconds / wall.Elapsed.TotalSeconds:0} simulated s per wall s)");
        Console.WriteLine($"BENCH {version.DisplayName()} DC-150 20->80%: {wall.Elapsed.TotalMilliseconds:0} ms wall for {simulated.TotalMinutes:0.#} simulated min");
        simulated.ShouldBeGreaterThan(TimeSpan.FromMinutes(5));
    }

    /// <summary>Energy to take the profile's default EV from 20 to 80 % (per EVSE).</summary>
    private static double ExpectedKwh(EvseProfile profile) => EvPresets.DefaultFor(profile).BatteryKwh * 0.6;
}

using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>A CALL the CSMS never answers must not freeze virtual time: after the call timeout the session goes on.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class LostAnswerTests
{
    [Test]
    public async Task After_a_sample_the_CSMS_never_answers_times_out_virtual_time_keeps_moving()
    {
        var plan = new SessionPlan { Sessions = 1, InitialSocPercent = 20, TargetSocPercent = 80 };
        await using var rig = await SessionRig.StartAsync(OcppVersion.V16, "EVSE-AC-22kW-1port", "LOST-ANSWER", plan, held: true, callTimeout: TimeSpan.FromSeconds(1));
        await rig.WaitForTransactionAsync(_ => true);

        // One transmission only: retries of a transaction message (1.6 §3.7.1) wait in real time and have tests of their
        // own; this one is about the station going on once it gave up on an answer.
        var config = rig.Runner.Station.Configuration;
        config.TrySet(config.Get("TransactionMessageAttempts")!, "1").ShouldBe(DerSim.Sim.StationModel.SetOutcome.Accepted);

        // The CSMS swallows the first MeterValues; it never answers it (and, busy with it, refuses later CALLs).
        var swallowed = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Csms.PeerOf(rig.Id).OnRaw("MeterValues", async (payload, ct) =>
        {
            swallowed.TrySetResult(payload.GetProperty("meterValue")[0].GetProperty("timestamp").GetDateTimeOffset());
            await Task.Delay(Timeout.Infinite, ct);
            return payload;
        });
        rig.ReleaseTime();
        var at = await swallowed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Once the station gave up on it, simulated time moves on: later samples are sent with later timestamps.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (LaterSamples(rig, at) < 2 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        LaterSamples(rig, at).ShouldBeGreaterThanOrEqualTo(2, rig.Describe());
        rig.Log.ShouldContain(l => l.Contains("MeterValues given up after 1 attempt", StringComparison.Ordinal), rig.Describe());
    }

    private static int LaterSamples(SessionRig rig, DateTimeOffset after) =>
        rig.Calls().Count(c => c.Action == "MeterValues" && c.Payload.GetProperty("meterValue")[0].GetProperty("timestamp").GetDateTimeOffset() > after);
}

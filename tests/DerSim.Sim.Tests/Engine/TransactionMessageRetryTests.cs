using System.Globalization;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// A CSMS that fails to process messages (CALLERROR) against a real station runner on loopback: a status report it
/// refuses ends nothing, and transaction messages are sent again per the configured attempts and a growing interval
/// (OCPP 1.6 §3.7.1; OCPP 2.0.1 E13.FR.02–04), given up with a log line only after the last attempt.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class TransactionMessageRetryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_refused_status_and_two_refused_starts_do_not_end_the_session_the_start_is_retried(OcppVersion version)
    {
        var startAction = version == OcppVersion.V16 ? "StartTransaction" : "TransactionEvent";
        var refusedStarts = 0;
        await using var rig = await LoopbackCsmsRig.StartAsync(
            version,
            $"RETRY-{version}",
            "EVSE-AC-22kW-1port",
            answers: peer =>
            {
                peer.OnRaw("StatusNotification", (_, _) => throw new OcppCallErrorException("InternalError", "status store down"));
                var answer = version == OcppVersion.V16 ? """{"transactionId":7,"idTagInfo":{"status":"Accepted"}}""" : "{}";
                peer.OnRaw(startAction, (_, _) => Interlocked.Increment(ref refusedStarts) <= 2
                    ? throw new OcppCallErrorException("InternalError", "transaction store down")
                    : ValueTask.FromResult(LoopbackCsmsRig.Json(answer)));
            },
            setUp: station => Configure(station, attempts: 3, intervalSeconds: 1));
        rig.ReleaseTime();

        await rig.Runner.SessionsCompleted.WaitAsync(Wait);
        await rig.UntilAsync(() => rig.Runner.Engine.Outbox.Queued == 0, "the outbox to deliver everything");

        var starts = rig.Frames.Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call } && f.Action == startAction).ToList();
        starts.Count.ShouldBeGreaterThanOrEqualTo(3, rig.Describe());
        var first = Payload(starts[0].Raw);
        Payload(starts[1].Raw).ShouldBe(first, rig.Describe());
        Payload(starts[2].Raw).ShouldBe(first, rig.Describe());

        // interval × preceding transmissions: 1 s after the first, 2 s after the second.
        (starts[1].Timestamp - starts[0].Timestamp).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), rig.Describe());
        (starts[2].Timestamp - starts[1].Timestamp).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9), rig.Describe());
        var ended = version == OcppVersion.V16
            ? rig.Calls("StopTransaction").Count
            : rig.TransactionEvents().Count(e => e.GetProperty("eventType").GetString() == "Ended");
        ended.ShouldBe(1, rig.Describe());
        rig.Log.ShouldContain(l => l.Contains("attempt 3 of 3", StringComparison.Ordinal), rig.Describe());
        rig.Log.ShouldNotContain(l => l.Contains("given up", StringComparison.Ordinal), rig.Describe());
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Transaction_messages_refused_at_every_attempt_are_given_up_with_a_log_line_and_the_plan_ends_normally(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(
            version,
            $"GIVE-UP-{version}",
            "EVSE-AC-22kW-1port",
            answers: peer =>
            {
                foreach (var action in new[] { "StartTransaction", "StopTransaction", "TransactionEvent", "MeterValues" })
                {
                    peer.OnRaw(action, (_, _) => throw new OcppCallErrorException("InternalError", "transaction store down"));
                }
            },
            setUp: station => Configure(station, attempts: 2, intervalSeconds: 0));
        rig.ReleaseTime();

        await rig.Runner.SessionsCompleted.WaitAsync(Wait);
        await rig.UntilAsync(() => rig.Runner.Engine.Outbox.Queued == 0, "the outbox to give everything up");

        rig.Log.ShouldContain(l => l.Contains("given up after 2 attempt(s)", StringComparison.Ordinal), rig.Describe());
        var startAction = version == OcppVersion.V16 ? "StartTransaction" : "TransactionEvent";
        rig.Calls(startAction).Count.ShouldBeGreaterThanOrEqualTo(2, rig.Describe());
    }

    private static void Configure(ChargingStation station, int attempts, int intervalSeconds)
    {
        var config = station.Configuration;
        config.TrySet(config.Get("TransactionMessageAttempts")!, attempts.ToString(CultureInfo.InvariantCulture)).ShouldBe(SetOutcome.Accepted);
        config.TrySet(config.Get("OCPPCommCtrlr", "MessageAttemptInterval", StationConfiguration.TransactionEventInstance)!, intervalSeconds.ToString(CultureInfo.InvariantCulture))
            .ShouldBe(SetOutcome.Accepted);
    }

    private static string Payload(string raw)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(raw);
        return doc.RootElement[3].GetRawText();
    }
}

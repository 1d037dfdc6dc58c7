using System.Text.Json;
using DerSim.Sim.Engine;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Tests.Engine;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// A Reset while the CSMS has not answered the transaction's last message (issue 13 item 2): the reset does not wait
/// for that answer until the call times out (which would resend it under a new id, a second message the CSMS cannot
/// tell from the first); it reboots, and the message goes once more after the new boot with its original message id.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ResetWithUnansweredMessageTests
{
    [TestCase(OcppVersion.V16, "Hard")]
    [TestCase(OcppVersion.V16, "Soft")]
    [TestCase(OcppVersion.V201, "Immediate")]
    [TestCase(OcppVersion.V21, "Immediate")]
    public async Task The_unanswered_stop_goes_again_after_the_reboot_with_its_message_id(OcppVersion version, string type)
    {
        var stopAction = version == OcppVersion.V16 ? "StopTransaction" : "TransactionEvent";
        var held = 0;
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"RSTHOLD-{version}-{type}", "EVSE-AC-7.4kW-2port", new SessionPlan { Sessions = 0 }, answers: peer =>
            peer.OnRaw(stopAction, async (payload, ct) =>
            {
                var isStop = version == OcppVersion.V16 || payload.GetProperty("eventType").GetString() == "Ended";
                if (isStop && Interlocked.Increment(ref held) == 1)
                {
                    // The first transmission of the stop is never answered on this connection.
                    await Task.Delay(Timeout.Infinite, ct);
                }

                return LoopbackCsmsRig.Json(version == OcppVersion.V16 ? """{"idTagInfo":{"status":"Accepted"}}""" : "{}");
            }));
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 2, "the boot-time status reports");
        var start = version == OcppVersion.V16
            ? await rig.CallAsync("RemoteStartTransaction", """{"connectorId":1,"idTag":"TAG-1"}""")
            : await rig.CallAsync("RequestStartTransaction", """{"evseId":1,"idToken":{"idToken":"TAG-1","type":"ISO14443"},"remoteStartId":1}""");
        start.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.UntilAsync(() => rig.Runner.Engine.TransactionOn(1) is { TransactionId: not null }, "a transaction on EVSE 1");

        (await rig.CallAsync("Reset", $$"""{"type":"{{type}}"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.UntilAsync(() => StopAfterLastBoot(rig, stopAction, version), "the stop sent after the reboot");
        var stops = Stops(rig, stopAction, version);
        stops.Select(s => s.MessageId).Distinct().Count().ShouldBe(1, $"one message, one id, however often it is sent\n{rig.Describe()}");
        stops.Count.ShouldBeLessThanOrEqualTo(2, "sent at most once more after the drop");
    }

    [TestCase(OcppVersion.V16, "Hard")]
    [TestCase(OcppVersion.V201, "Immediate")]
    public async Task A_status_report_in_flight_at_the_reset_gets_its_answer_before_the_connection_closes(OcppVersion version, string type)
    {
        var resetSent = 0;
        var statusField = version == OcppVersion.V16 ? "status" : "connectorStatus";
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"RSTSTAT-{version}", "EVSE-AC-7.4kW-2port", new SessionPlan { Sessions = 0 }, answers: peer =>
            peer.OnRaw("StatusNotification", async (payload, ct) =>
            {
                if (Volatile.Read(ref resetSent) == 1 && payload.GetProperty(statusField).GetString() is "Available" or "Finishing")
                {
                    // A CSMS that takes its time with the status report after the stop: still well within the call timeout.
                    await Task.Delay(TimeSpan.FromMilliseconds(800), ct);
                }

                return LoopbackCsmsRig.Json("{}");
            }));
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 2, "the boot-time status reports");
        var start = version == OcppVersion.V16
            ? await rig.CallAsync("RemoteStartTransaction", """{"connectorId":1,"idTag":"TAG-1"}""")
            : await rig.CallAsync("RequestStartTransaction", """{"evseId":1,"idToken":{"idToken":"TAG-1","type":"ISO14443"},"remoteStartId":1}""");
        start.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.UntilAsync(() => rig.Runner.Engine.TransactionOn(1) is { TransactionId: not null }, "a transaction on EVSE 1");
        var before = rig.Calls("StatusNotification").Count;

        Volatile.Write(ref resetSent, 1);
        (await rig.CallAsync("Reset", $$"""{"type":"{{type}}"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.UntilAsync(() => rig.Calls("BootNotification").Count >= 2, "the station booted again");
        var frames = rig.Frames.ToList();
        var boot = frames.FindLastIndex(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "BootNotification" });
        var slow = frames.Take(boot)
            .Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "StatusNotification" })
            .Skip(before)
            .ToList();
        slow.ShouldNotBeEmpty($"a status report after the stop\n{rig.Describe()}");
        foreach (var report in slow)
        {
            frames.Take(boot).Any(f => f.Direction == FrameDirection.Outbound && f.MessageType == OcppMessageType.CallResult && f.MessageId == report.MessageId)
                .ShouldBeTrue($"the CSMS's answer to {report.Raw} left before the connection closed\n{rig.Describe()}");
        }

        rig.Log.ShouldNotContain(l => l.Contains("StatusNotification not sent"), rig.Describe());
    }

    private static bool StopAfterLastBoot(LoopbackCsmsRig rig, string action, OcppVersion version)
    {
        var frames = rig.Frames.ToList();
        var boots = frames.FindAll(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "BootNotification" });
        var stops = Stops(rig, action, version);
        return boots.Count >= 2 && stops.Count > 0 && frames.IndexOf(stops[^1]) > frames.IndexOf(boots[^1]);
    }

    private static List<OcppFrameEvent> Stops(LoopbackCsmsRig rig, string action, OcppVersion version) =>
        [.. rig.Frames.Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call } && f.Action == action
            && (version == OcppVersion.V16 || Payload(f.Raw).GetProperty("eventType").GetString() == "Ended"))];

    private static JsonElement Payload(string raw)
    {
        using var doc = JsonDocument.Parse(raw);
        return doc.RootElement[3].Clone();
    }
}

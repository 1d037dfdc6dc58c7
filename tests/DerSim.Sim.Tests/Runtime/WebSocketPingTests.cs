using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Sim.Tests.Engine;
using DerSim.Ocpp.Tests.Transport;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Runtime;

/// <summary>
/// The station keeps its connection alive with real WebSocket PING frames (opcode 0x9) at the configured
/// WebSocketPingInterval — not unsolicited PONGs — seen on the wire by a relay between it and a loopback CSMS; 0 disables
/// them, and a CSMS's ChangeConfiguration / SetVariables of the interval takes effect.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class WebSocketPingTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    public async Task Pings_follow_the_configured_interval_zero_disables_them_and_a_change_takes_effect(OcppVersion version)
    {
        FrameCountingRelay? relay = null;
        await using var rig = await LoopbackCsmsRig.StartAsync(
            version,
            $"PING-{version}",
            "EVSE-AC-22kW-1port",
            new SessionPlan { Sessions = 0 },
            setUp: station => station.Configuration.TrySet(station.Configuration.Get("WebSocketPingInterval")!, "0").ShouldBe(SetOutcome.Accepted),
            route: url =>
            {
                relay = new FrameCountingRelay(url);
                return relay.Route(url);
            });
        await using var _ = relay!;
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 1, "the boot and the first status");

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        relay!.Count(FrameCountingRelay.Ping).ShouldBe(0, "interval 0 disables client pings");
        relay.Count(FrameCountingRelay.Pong).ShouldBe(0, "no unsolicited pongs either");

        var answer = version == OcppVersion.V16
            ? await rig.CallAsync("ChangeConfiguration", """{"key":"WebSocketPingInterval","value":"1"}""")
            : await rig.CallAsync("SetVariables", """{"setVariableData":[{"attributeValue":"1","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"WebSocketPingInterval"}}]}""");
        answer.GetRawText().ShouldContain("Accepted");
        await rig.UntilAsync(() => relay.Connections >= 2 && rig.Calls("StatusNotification").Count >= 2, "the reconnect that applies the interval");
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        relay.Count(FrameCountingRelay.Ping, connection: 2).ShouldBeGreaterThanOrEqualTo(2, rig.Describe());
        relay.Count(FrameCountingRelay.Pong).ShouldBe(0, rig.Describe());
        rig.Calls("BootNotification").Count.ShouldBe(1, "a reconnect is not a reboot");
    }
}

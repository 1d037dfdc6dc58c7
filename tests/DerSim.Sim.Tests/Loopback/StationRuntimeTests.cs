using DerSim.Csms;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>The station runtime against the reference CSMS: boot, connector reports, heartbeats, boot retries, reconnects.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class StationRuntimeTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Accepted_boot_is_followed_by_a_status_per_connector_then_heartbeats(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, heartbeatIntervalSeconds: 1, $"RT-BOOT-{version}");

        await rig.WaitAsync(s => s.HeartbeatCount >= 1, "a heartbeat");

        rig.State.Version.ShouldBe(version);
        string[] expected = version == OcppVersion.V16 ? ["0/1", "0/2"] : ["1/1", "2/1"];
        rig.State.ConnectorStatus.Keys.Order(StringComparer.Ordinal).ToArray().ShouldBe(expected, rig.Describe());
        var calls = rig.Frames.CallsFrom(rig.Id);
        calls.Take(4).ShouldBe(["BootNotification", "StatusNotification", "StatusNotification", "Heartbeat"], rig.Describe());
        rig.Station.Station.Registration.ShouldBe(RegistrationState.Accepted);
        rig.Station.Station.Configuration.HeartbeatInterval.ShouldBe(TimeSpan.FromSeconds(1));
        rig.Frames.Violations(rig.Id).ShouldBeEmpty();
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Pending_then_rejected_boots_are_retried_after_the_interval_until_accepted(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, heartbeatIntervalSeconds: 1, $"RT-PEND-{version}", new ReferenceCsmsOptions { BootStatus = CsmsBootStatus.Pending });

        await rig.WaitAsync(s => s.BootCount >= 2, "two Pending boots");
        rig.Csms.BootStatus = CsmsBootStatus.Rejected;
        var pendingBoots = rig.State.BootCount;
        await rig.WaitAsync(s => s.BootCount > pendingBoots && s.Registration == CsmsBootStatus.Rejected, "a Rejected boot");
        rig.Frames.CallsFrom(rig.Id).ShouldAllBe(a => a == "BootNotification", "nothing but BootNotification before acceptance\n" + rig.Describe());
        rig.Csms.BootStatus = CsmsBootStatus.Accepted;
        await rig.WaitAsync(s => s.Registration == CsmsBootStatus.Accepted && s.ConnectorStatus.Count == 2, "accepted after retrying");

        var boots = rig.Frames.Of(rig.Id).Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "BootNotification" }).ToList();
        for (var i = 1; i < boots.Count; i++)
        {
            // The retry waits the interval the CSMS gave (1 s); a little slack for timer granularity.
            (boots[i].Timestamp - boots[i - 1].Timestamp).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900), rig.Describe());
        }

        var verdicts = rig.Station.Boots.Select(b => b.Registration).ToList();
        verdicts[0].ShouldBe(RegistrationState.Pending);
        verdicts.ShouldContain(RegistrationState.Rejected);
        verdicts[^1].ShouldBe(RegistrationState.Accepted);
        var firstStatus = rig.Frames.CallsFrom(rig.Id).ToList().IndexOf("StatusNotification");
        rig.Frames.CallsFrom(rig.Id).Take(firstStatus).ShouldAllBe(a => a == "BootNotification", rig.Describe());
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task After_the_CSMS_drops_the_station_reconnects_and_reports_connectors_without_booting_again(OcppVersion version)
    {
        var id = $"RT-RECONNECT-{version}";
        var first = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 1 });
        await first.StartAsync();
        var port = first.Port;
        await using var station = StationUnderTest.Start(first, version, id);
        await first.WaitForAsync(id, s => s.Registration == CsmsBootStatus.Accepted && s.ConnectorStatus.Count == 2, Rig.Wait);
        await first.StopAsync();
        await first.DisposeAsync();

        await using var second = new ReferenceCsms(new ReferenceCsmsOptions { Port = port, HeartbeatIntervalSeconds = 1 });
        var frames = new CsmsFrames(second);
        await second.StartAsync();
        CsmsStationState state;
        try
        {
            state = await second.WaitForAsync(id, s => s.Connected && s.ConnectorStatus.Count == 2 && s.HeartbeatCount >= 1, Rig.Wait);
        }
        catch (TimeoutException ex)
        {
            throw new AssertionException($"{ex.Message}\n{string.Join("\n", station.Log)}");
        }

        state.BootCount.ShouldBe(0, frames.Dump(id));
        state.Registration.ShouldBeNull();
        frames.CallsFrom(id).ShouldNotContain("BootNotification");
        frames.CallsFrom(id).Take(2).ShouldBe(["StatusNotification", "StatusNotification"], frames.Dump(id));
        station.Boots.Count.ShouldBe(1);
    }
}

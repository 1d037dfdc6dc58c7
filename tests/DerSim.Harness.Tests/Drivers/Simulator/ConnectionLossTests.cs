using System.Globalization;
using DerSim.Harness.Traffic;
using DerSim.Sim.Engine;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using Shouldly;

namespace DerSim.Harness.Tests.Drivers.Simulator;

/// <summary>A network failure mid-transaction: queueing, reconnect without a new boot, delivery in order.</summary>
[TestFixture]
public sealed class ConnectionLossTests
{
    private static readonly OcppVersion[] Versions = [OcppVersion.V16, OcppVersion.V201, OcppVersion.V21];

    [TestCaseSource(nameof(Versions))]
    public async Task Transaction_messages_made_offline_are_queued_and_delivered_in_order_after_the_reconnect(OcppVersion version)
    {
        await using var rig = await SimulatorRig.StartAsync(version, "EVSE-AC-22kW-1port", $"LOSS-{version}");
        var engine = rig.Station.Runner!.Engine;
        await rig.Driver.PlugInAsync(rig.Station, 1, new EvArrival("sedan-75", 20, 80));
        await rig.Driver.PresentTokenAsync(rig.Station, 1, "TAG-1");
        await rig.Driver.AdvanceAsync(TimeSpan.FromMinutes(5));

        await rig.Driver.CutConnectionAsync(rig.Station);
        var cutAt = rig.Driver.Clock.Now;
        var framesAtCut = rig.Recorder.Frames.Count;
        rig.Station.Runner.IsOnline.ShouldBeFalse();
        // Four and a half minutes: a sample due at the very end of the wait may still be on its way when the wait
        // returns (both actors wake at that instant), so the fourth sample must fall inside it.
        await rig.Driver.AdvanceAsync(TimeSpan.FromSeconds(270));
        engine.Outbox.Queued.ShouldBeGreaterThanOrEqualTo(4, rig.Describe());
        await rig.Driver.UnplugAsync(rig.Station, 1);
        var queued = engine.Outbox.Queued;

        // Nothing reached the wire while the network was down: the relay refused every attempt.
        rig.Recorder.Frames.Skip(framesAtCut).Where(f => f.Direction == FrameDirection.Outbound).ShouldBeEmpty(rig.Describe());
        rig.Station.Link!.Resets.ShouldBeGreaterThan(0);

        await rig.Driver.RestoreConnectionAsync(rig.Station);
        engine.Outbox.Queued.ShouldBe(0);
        engine.Outbox.Connections.ShouldBe(2);
        rig.CsmsView.BootCount.ShouldBe(1, "a reconnect is not a reboot");
        rig.CsmsView.ConnectionCount.ShouldBe(2);

        var delivered = rig.Recorder.Query().Station(rig.Station.Id).Sent().Calls().Frames.Skip(0)
            .Where(f => f.Sequence > framesAtCut && f.Action is "TransactionEvent" or "MeterValues" or "StopTransaction").ToList();
        delivered.Count.ShouldBeGreaterThanOrEqualTo(queued, rig.Describe());
        var madeAt = delivered.Take(queued).Select(MadeAt).ToList();
        madeAt.ShouldAllBe(at => at >= cutAt, rig.Describe());
        madeAt.ShouldBeInOrder(SortDirection.Ascending, rig.Describe());
        var tx = rig.CsmsView.Transactions.Values.ShouldHaveSingleItem();
        tx.EndedAt.ShouldNotBeNull(rig.Describe());
        if (version == OcppVersion.V16)
        {
            delivered.Take(queued).Last().Action.ShouldBe("StopTransaction");
        }
        else
        {
            var events = delivered.Take(queued).ToList();

            // A sample made at the instant of the cut may have been on the wire already: it goes again, not marked offline.
            events.Where(e => MadeAt(e) > cutAt).ShouldAllBe(e => SimulatorRig.Text(e, "offline") == "true", rig.Describe());
            events.Where(e => MadeAt(e) > cutAt).Count().ShouldBeGreaterThanOrEqualTo(4);
            var seqNos = rig.Calls("TransactionEvent").Select(e => int.Parse(SimulatorRig.Text(e, "seqNo")!, CultureInfo.InvariantCulture)).ToList();
            seqNos.ShouldBe(Enumerable.Range(0, seqNos.Count), rig.Describe());
            SimulatorRig.Text(events[^1], "eventType").ShouldBe("Ended");
        }
    }

    [Test]
    public async Task Requests_that_need_an_answer_fail_offline_and_status_reports_are_dropped()
    {
        await using var rig = await SimulatorRig.StartAsync(OcppVersion.V201, "EVSE-AC-22kW-1port", "OFFLINE-AUTH");
        var engine = rig.Station.Runner!.Engine;
        await rig.Driver.PlugInAsync(rig.Station, 1, new EvArrival("sedan-75", 20, 80));
        await rig.Driver.CutConnectionAsync(rig.Station);

        // Without the CSMS to ask, the token is not accepted (no local authorisation list yet).
        (await rig.Driver.PresentTokenAsync(rig.Station, 1, "TAG-1")).ShouldBeFalse();
        await rig.Driver.UnplugAsync(rig.Station, 1);
        engine.Outbox.Queued.ShouldBe(0, "status reports are not queued");
        await rig.Driver.RestoreConnectionAsync(rig.Station);
        rig.Calls("TransactionEvent").ShouldBeEmpty();
    }

    private static DateTimeOffset MadeAt(RecordedFrame frame) =>
        DateTimeOffset.Parse(SimulatorRig.Text(frame, "timestamp") ?? SimulatorRig.Text(frame, "meterValue[0].timestamp")!, CultureInfo.InvariantCulture);
}

using DerSim.Csms;
using DerSim.Sim.Engine;
using DerSim.Ocpp;
using DerSim.Sim.Physics;
using Shouldly;

namespace DerSim.Harness.Tests.Drivers.Simulator;

/// <summary>Step-driven sessions through the driver and engine, on real loopback sockets with the reference CSMS.</summary>
[TestFixture]
public sealed class SteppedSessionTests
{
    private static readonly OcppVersion[] Versions = [OcppVersion.V16, OcppVersion.V201, OcppVersion.V21];

    [TestCaseSource(nameof(Versions))]
    public async Task A_local_stop_ends_the_transaction_with_Local_and_the_EV_stays_until_unplugged(OcppVersion version)
    {
        await using var rig = await SimulatorRig.StartAsync(version, "EVSE-AC-22kW-1port", $"STEP-{version}");
        var engine = rig.Station.Runner!.Engine;
        await rig.Driver.PlugInAsync(rig.Station, 1, new EvArrival("sedan-75", 20, 80));
        (await rig.Driver.PresentTokenAsync(rig.Station, 1, "TAG-1")).ShouldBeTrue(rig.Describe());
        engine.TransactionOn(1).ShouldNotBeNull();
        await rig.Driver.AdvanceAsync(TimeSpan.FromMinutes(20));
        await rig.Driver.StopLocallyAsync(rig.Station, 1);

        engine.TransactionOn(1).ShouldBeNull(rig.Describe());
        engine.EvseNow(1).ShouldNotBeNull("the EV stays plugged in after a local stop");
        var tx = rig.CsmsView.Transactions.Values.ShouldHaveSingleItem();
        tx.EndedAt.ShouldNotBeNull(rig.Describe());
        var stop = version == OcppVersion.V16
            ? SimulatorRig.Text(rig.Calls("StopTransaction").ShouldHaveSingleItem(), "reason")
            : SimulatorRig.Text(rig.Calls("TransactionEvent")[^1], "transactionInfo.stoppedReason");
        stop.ShouldBe("Local", rig.Describe());
        if (version == OcppVersion.V16)
        {
            // 22 kW for 20 minutes at most: some energy, not more than the port can deliver.
            ((double)(tx.MeterStopWh!.Value - tx.MeterStartWh!.Value)).ShouldBeInRange(1000, 22000 / 3.0 + 100, rig.Describe());
        }

        await rig.Driver.UnplugAsync(rig.Station, 1);
        engine.EvseNow(1).ShouldBeNull();
        rig.CsmsView.ConnectorStatus.Values.ShouldContain("Available");
    }

    [TestCaseSource(nameof(Versions))]
    public async Task A_refused_token_starts_nothing_and_delivers_no_energy(OcppVersion version)
    {
        var options = new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300, AcceptedTokens = new HashSet<string> { "TAG-1" } };
        await using var rig = await SimulatorRig.StartAsync(version, "EVSE-AC-22kW-1port", $"REFUSED-{version}", options);
        var engine = rig.Station.Runner!.Engine;
        await rig.Driver.PlugInAsync(rig.Station, 1, new EvArrival("sedan-75", 20, 80));

        (await rig.Driver.PresentTokenAsync(rig.Station, 1, "STOLEN-1")).ShouldBeFalse();
        await rig.Driver.AdvanceAsync(TimeSpan.FromMinutes(10));

        engine.TransactionOn(1).ShouldBeNull();
        engine.SteppedSessions.RefusedTokensOn(1).ShouldBe(["STOLEN-1"]);
        engine.EvseNow(1)!.DeliveredKw.ShouldBe(0);
        rig.Calls("Authorize").Count.ShouldBe(1);
        rig.Calls(version == OcppVersion.V16 ? "StartTransaction" : "TransactionEvent").ShouldBeEmpty(rig.Describe());

        // The same EV then charges with a token the CSMS knows.
        (await rig.Driver.PresentTokenAsync(rig.Station, 1, "TAG-1")).ShouldBeTrue(rig.Describe());
        engine.TransactionOn(1).ShouldNotBeNull();
    }

    [TestCaseSource(nameof(Versions))]
    public async Task A_full_EV_goes_SuspendedEV_and_its_transaction_runs_until_it_unplugs(OcppVersion version)
    {
        await using var rig = await SimulatorRig.StartAsync(version, "EVSE-AC-22kW-1port", $"FULL-{version}");
        var engine = rig.Station.Runner!.Engine;
        await rig.Driver.PlugInAsync(rig.Station, 1, new EvArrival("compact-ac", 70, 75));
        await rig.Driver.PresentTokenAsync(rig.Station, 1, "TAG-1");
        await rig.Driver.AdvanceAsync(TimeSpan.FromMinutes(90));

        engine.ChargingStateOn(1).ShouldBe(ChargingState.SuspendedEV, rig.Describe());
        engine.TransactionOn(1).ShouldNotBeNull("a full EV that stays plugged keeps its transaction");
        await rig.Driver.UnplugAsync(rig.Station, 1);
        var end = version == OcppVersion.V16
            ? SimulatorRig.Text(rig.Calls("StopTransaction").ShouldHaveSingleItem(), "reason")
            : SimulatorRig.Text(rig.Calls("TransactionEvent")[^1], "transactionInfo.stoppedReason");
        end.ShouldBe("EVDisconnected");
    }

    [Test]
    public async Task Plugging_into_a_busy_or_missing_EVSE_is_refused()
    {
        await using var rig = await SimulatorRig.StartAsync(OcppVersion.V201, "EVSE-AC-22kW-1port", "BUSY-1");
        await rig.Driver.PlugInAsync(rig.Station, 1, new EvArrival("sedan-75", 20, 80));
        await Should.ThrowAsync<InvalidOperationException>(() => rig.Driver.PlugInAsync(rig.Station, 1, new EvArrival("sedan-75", 20, 80)));
        await Should.ThrowAsync<InvalidOperationException>(() => rig.Driver.PlugInAsync(rig.Station, 7, new EvArrival("sedan-75", 20, 80)));
        await Should.ThrowAsync<InvalidOperationException>(() => rig.Driver.StopLocallyAsync(rig.Station, 1));
    }
}

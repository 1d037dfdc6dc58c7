using DerSim.Ocpp;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// TxCtrlr.TxStartPoint Authorized (2.x E01): a token presented at the station before any EV plugged in starts the
/// transaction with its EVSE not known; the EV that plugs in names the EVSE with the Transaction.Begin values (J02, the
/// situation of TC_J_08_CSMS).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class EvseUnknownStartTests
{
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task The_EV_that_plugs_in_names_the_EVSE_of_a_transaction_started_on_authorization(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(
            version,
            $"UNKNOWN-EVSE-{version}",
            "EVSE-AC-22kW-1port",
            new SessionPlan { Sessions = 0 },
            setUp: station => station.Configuration.Preset(station.Configuration.Get("TxCtrlr", "TxStartPoint")!, "Authorized"));
        await rig.UntilAsync(() => rig.Runner.Engine.IsAttached, "the boot");

        (await rig.Runner.Engine.SteppedSessions.PresentTokenAtStationAsync("CARD-77", null, CancellationToken.None)).ShouldBeTrue(rig.Describe());
        var started = rig.TransactionEvents().Single();
        started.GetProperty("eventType").GetString().ShouldBe("Started");
        started.TryGetProperty("evse", out _).ShouldBeFalse(started.GetRawText());
        started.TryGetProperty("meterValue", out _).ShouldBeFalse(started.GetRawText());
        started.GetProperty("idToken").GetProperty("idToken").GetString().ShouldBe("CARD-77");
        rig.Runner.Engine.TransactionOn(1).ShouldBeNull("no EVSE runs it before the EV plugs in");

        await rig.Runner.Engine.SteppedSessions.PlugInAsync(1, new EvArrival(null, 20, 80), CancellationToken.None);
        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.TransactionEvents().Any(e => e.GetProperty("transactionInfo").TryGetProperty("chargingState", out var s) && s.GetString() == "Charging"), "energy flowing");

        var events = rig.TransactionEvents();
        var plugged = events[1];
        plugged.GetProperty("eventType").GetString().ShouldBe("Updated");
        plugged.GetProperty("triggerReason").GetString().ShouldBe("CablePluggedIn");
        plugged.GetProperty("seqNo").GetInt32().ShouldBe(1);
        plugged.GetProperty("evse").GetProperty("id").GetInt32().ShouldBe(1);
        plugged.GetProperty("evse").GetProperty("connectorId").GetInt32().ShouldBe(1);
        plugged.GetProperty("transactionInfo").GetProperty("transactionId").GetString().ShouldBe(started.GetProperty("transactionInfo").GetProperty("transactionId").GetString());
        plugged.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray().Select(s => s.GetProperty("context").GetString()).Distinct().ShouldBe(["Transaction.Begin"]);
        rig.Runner.Engine.TransactionOn(1).ShouldNotBeNull();
    }

    [Test]
    public async Task Without_Authorized_as_start_point_a_token_before_any_EV_starts_nothing()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V201, "NO-EARLY-START", "EVSE-AC-22kW-1port", new SessionPlan { Sessions = 0 });
        await rig.UntilAsync(() => rig.Runner.Engine.IsAttached, "the boot");

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => rig.Runner.Engine.SteppedSessions.PresentTokenAtStationAsync("CARD-77", null, CancellationToken.None));

        refused.Message.ShouldContain("TxStartPoint \"PowerPathClosed\"");
        rig.TransactionEvents().ShouldBeEmpty();
    }
}

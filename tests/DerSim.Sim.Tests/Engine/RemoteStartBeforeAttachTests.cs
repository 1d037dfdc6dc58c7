using DerSim.Sim.Adapters;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// A CSMS may send a remote start right behind its boot answer; the connection can dispatch it before the runner has
/// attached the engine to the connection. The start must wait for that moment rather than be refused.
/// </summary>
public class RemoteStartBeforeAttachTests
{
    private static StationEngine NewEngine() =>
        new(new ChargingStation("DERSIM-RACE", EvseProfileLoader.Load("EVSE-AC-22kW-1port", ProfilesDirectory.Locate())),
            new VirtualClock(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero)),
            new SessionPlan { Sessions = 0 },
            OcppVersion.V16);

    [Test]
    public async Task A_remote_start_that_arrives_just_before_the_engine_is_attached_is_accepted()
    {
        var engine = NewEngine();
        var prepared = Task.Run(() => engine.PrepareRemoteStart(1, "TAG-1", null, null));
        await Task.Delay(100);
        prepared.IsCompleted.ShouldBeFalse("the start waits for the attachment");

        engine.Attach(new V16Adapter(TimeProvider.System).TransactionMessages(engine.Outbox, engine.Station), CancellationToken.None);

        (await prepared.WaitAsync(TimeSpan.FromSeconds(5))).ShouldNotBeNull();
    }

    [Test]
    public async Task Without_an_attachment_the_remote_start_is_refused_after_the_settle_limit()
    {
        var engine = NewEngine();

        var begin = await Task.Run(() => engine.PrepareRemoteStart(1, "TAG-1", null, null)).WaitAsync(TimeSpan.FromSeconds(5));

        begin.ShouldBeNull();
    }
}

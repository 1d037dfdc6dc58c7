using DerSim.Sim.Physics;
using DerSim.Sim.Profiles;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Engine;

/// <summary>
/// The station's physics as the engine's parts share it: the session loops, the DER loop, step-driven sessions and the
/// bidirectional negotiation read and change it under one lock, and whoever comes first moves it to the present, so a
/// change acts from now on, not since the last step.
/// </summary>
internal sealed class SharedPhysics(StationPhysics physics, SimulationClock clock, MeterValuesDefinition meterValues)
{
    /// <summary>The lock every reader and writer of <see cref="Physics"/> takes.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The physics; take <see cref="Gate"/> before using it.</summary>
    public StationPhysics Physics => physics;

    /// <summary>Moves the physics to the present. Call under <see cref="Gate"/>.</summary>
    public void CatchUp()
    {
        var now = clock.Time.GetUtcNow();
        if (now > physics.Now)
        {
            physics.AdvanceTo(now);
        }
    }

    /// <summary>Moves the physics to the present and reads <paramref name="evseId"/>'s meter and state there.</summary>
    public (MeterSample Sample, EvseSnapshot Snapshot) ReadNow(int evseId)
    {
        lock (Gate)
        {
            CatchUp();
            var snapshot = physics.Snapshot(evseId);
            return (Meter.Read(snapshot, meterValues, physics.Now), snapshot);
        }
    }
}

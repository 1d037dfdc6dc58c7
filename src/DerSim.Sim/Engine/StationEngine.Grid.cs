using DerSim.Sim.Physics;

namespace DerSim.Sim.Engine;

public sealed partial class StationEngine
{
    /// <summary>The grid the station is connected to; scenarios step it, grid-support (DER) functions and the 2.1 frequency modes read it.</summary>
    public SimulatedGrid Grid { get; } = new();
}

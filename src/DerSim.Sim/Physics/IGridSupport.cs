namespace DerSim.Sim.Physics;

/// <summary>Grid-support functions the physics applies to each port after allocation; called under the physics lock, it must not call back.</summary>
public interface IGridSupport
{
    /// <summary>The effect on <paramref name="port"/> at simulated time <paramref name="now"/> (monotonic across calls).</summary>
    GridSupportEffect Apply(DateTimeOffset now, GridSupportPort port);
}

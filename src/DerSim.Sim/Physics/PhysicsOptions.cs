namespace DerSim.Sim.Physics;

/// <summary>Settings of <see cref="StationPhysics"/>.</summary>
public sealed record PhysicsOptions
{
    /// <summary>The defaults.</summary>
    public static PhysicsOptions Default { get; } = new();

    /// <summary>
    /// Integration step: power is held for at most this long before demand, limits and allocation are evaluated
    /// again. The default value is 1 second, short against any taper and any sample interval.
    /// </summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(1);
}

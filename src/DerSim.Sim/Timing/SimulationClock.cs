namespace DerSim.Sim.Timing;

/// <summary>
/// Where a simulated station's time comes from: timestamps, physics and sample intervals use <see cref="Time"/>;
/// OCPP call timeouts keep using the real clock. <see cref="ScaledClock"/> runs real time faster,
/// <see cref="VirtualClock"/> jumps from event to event.
/// </summary>
public abstract class SimulationClock
{
    /// <summary>
    /// The clock of a station run at <paramref name="scale"/> simulated seconds per wall second: lock-step virtual time
    /// for <see cref="double.PositiveInfinity"/> (<c>./sim --time_scale max</c>), starting at <paramref name="real"/>'s
    /// present to the millisecond; otherwise <paramref name="real"/> time run <paramref name="scale"/>× faster.
    /// </summary>
    public static SimulationClock For(double scale, TimeProvider real)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (!double.IsPositiveInfinity(scale))
        {
            return new ScaledClock(real, scale);
        }

        var now = real.GetUtcNow();
        return new VirtualClock(now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond)));
    }

    /// <summary>The simulated time.</summary>
    public abstract TimeProvider Time { get; }

    /// <summary>Completes once <paramref name="simulated"/> of simulated time has passed.</summary>
    public abstract Task WaitAsync(TimeSpan simulated, CancellationToken ct);

    /// <summary>
    /// A reusable wait on simulated time for a loop that waits again and again (a session's samples), or null where
    /// waits must go through <see cref="WaitAsync"/> (a discrete-event clock counts them).
    /// </summary>
    public virtual Sleeper? CreateSleeper() => null;

    /// <summary>
    /// Declares an actor (a session loop) whose waits pace the simulation; dispose it when the actor ends.
    /// Only a discrete-event clock cares: it moves time when every actor waits.
    /// </summary>
    public virtual IDisposable RegisterActor() => NoRelease.Instance;

    /// <summary>Whether <see cref="Hold"/> does anything: only on a discrete-event clock is an exchange in flight worth tracking.</summary>
    public virtual bool HoldsForExchanges => false;

    /// <summary>Holds simulated time still until disposed (an OCPP exchange in flight). Only a discrete-event clock cares.</summary>
    public virtual IDisposable Hold() => NoRelease.Instance;

    private sealed class NoRelease : IDisposable
    {
        public static readonly NoRelease Instance = new();

        public void Dispose()
        {
            // Nothing was taken.
        }
    }
}

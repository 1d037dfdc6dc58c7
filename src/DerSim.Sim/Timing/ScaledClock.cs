namespace DerSim.Sim.Timing;

/// <summary>Real time run <see cref="Scale"/> times faster (1 = real time, 60 = a minute per second).</summary>
public sealed class ScaledClock : SimulationClock
{
    /// <summary>Creates a clock that starts at <paramref name="real"/>'s present and runs <paramref name="scale"/>× faster.</summary>
    public ScaledClock(TimeProvider real, double scale)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        Scale = scale;

        // At scale 1 the real provider itself keeps existing behaviour exact (and fake providers in tests in control).
        Time = scale == 1 ? real : new ScaledTimeProvider(real, scale);
    }

    /// <summary>Simulated seconds per real second.</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public override TimeProvider Time { get; }

    /// <inheritdoc />
    public override Task WaitAsync(TimeSpan simulated, CancellationToken ct) => Task.Delay(simulated, Time, ct);

    /// <inheritdoc />
    public override Sleeper CreateSleeper() => new(Time);
}

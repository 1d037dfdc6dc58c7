namespace DerSim.Sim.Timing;

/// <summary>A <see cref="TimeProvider"/> whose clock runs <c>scale</c>× faster than <c>real</c> from the moment it is created, with timers that fire as much sooner.</summary>
internal sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly double _scale;
    private readonly DateTimeOffset _origin;
    private readonly long _realStart;

    public ScaledTimeProvider(TimeProvider real, double scale)
    {
        _real = real;
        _scale = scale;
        _origin = real.GetUtcNow();
        _realStart = real.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow() =>
        _origin + TimeSpan.FromTicks((long)(_real.GetElapsedTime(_realStart).Ticks * _scale));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Shrink(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / _scale)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Shrink(dueTime), owner.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

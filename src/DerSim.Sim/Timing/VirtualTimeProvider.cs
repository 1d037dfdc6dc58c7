namespace DerSim.Sim.Timing;

/// <summary>The <see cref="TimeProvider"/> face of a <see cref="VirtualClock"/>: its present, and timers that fire as it jumps.</summary>
internal sealed class VirtualTimeProvider(VirtualClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.NowUnlocked();

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => clock.TimelineTicks();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(clock, callback, state) { Period = period };
        clock.Schedule(timer, dueTime);
        return timer;
    }

    internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public DateTimeOffset Deadline { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            Period = period;
            clock.Schedule(this, dueTime);
            return true;
        }

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            clock.Unschedule(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

namespace DerSim.Sim.Timing;

/// <summary>
/// A <see cref="TimeProvider"/> whose timers live in one hashed timer wheel driven by a single timer of the underlying
/// provider, for thousands of stations in one process (<c>./sim --stations N</c>): a waiting station costs one small
/// entry in a slot list, not a runtime timer, and creating or dropping one (a call timeout per CALL, a Task.Delay per
/// sample) is a list operation under one lock. Timers fire at most one tick late; callbacks run on the thread pool,
/// never on the wheel's own thread. The present and timestamps are the underlying provider's.
/// </summary>
public sealed class TimerWheelTimeProvider : TimeProvider, IDisposable
{
    /// <summary>The default tick: well under a CALL's round trip on loopback, coarse enough to cost nothing when idle.</summary>
    public static readonly TimeSpan DefaultTick = TimeSpan.FromMilliseconds(10);

    private const int SlotCount = 4096;
    private const int SlotMask = SlotCount - 1;

    private readonly TimeProvider _real;
    private readonly long _tickStamps;
    private readonly long _origin;
    private readonly WheelTimer?[] _slots = new WheelTimer?[SlotCount];
    private readonly Lock _gate = new();
    private readonly ITimer _driver;
    private long _lastTick;
    private int _count;

    /// <summary>Creates a wheel over <paramref name="real"/> that turns every <paramref name="tick"/> (default <see cref="DefaultTick"/>).</summary>
    public TimerWheelTimeProvider(TimeProvider real, TimeSpan? tick = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        var step = tick ?? DefaultTick;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        _real = real;
        Tick = step;
        _tickStamps = Math.Max(1, (long)(step.TotalSeconds * real.TimestampFrequency));
        _origin = real.GetTimestamp();
        _driver = real.CreateTimer(static state => ((TimerWheelTimeProvider)state!).Turn(), this, step, step);
    }

    /// <summary>How often the wheel turns: the most a timer fires late.</summary>
    public TimeSpan Tick { get; }

    /// <summary>Timers waiting in the wheel now.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => _real.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _real.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new WheelTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Stops the wheel; timers still in it never fire.</summary>
    public void Dispose() => _driver.Dispose();

    private long NowTick() => (_real.GetTimestamp() - _origin) / _tickStamps;

    private long TicksOf(TimeSpan span) =>
        Math.Max(1, (long)Math.Ceiling(span.TotalSeconds * _real.TimestampFrequency / _tickStamps));

    /// <summary>Puts <paramref name="timer"/> in the wheel <paramref name="due"/> from now, or fires it now when due is zero.</summary>
    private bool Schedule(WheelTimer timer, TimeSpan due, TimeSpan period)
    {
        long generation;
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            Unlink(timer);
            timer.Period = period;
            generation = ++timer.Generation;
            if (due == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            if (due > TimeSpan.Zero)
            {
                // Due after the tick that covers `due`: never early, at most one tick late.
                timer.DueTick = Math.Max(NowTick(), _lastTick) + TicksOf(due);
                Link(timer);
                return true;
            }
        }

        QueueFire(timer, generation);
        return true;
    }

    private void Turn()
    {
        List<(WheelTimer Timer, long Generation)>? due = null;
        lock (_gate)
        {
            var now = NowTick();
            if (now <= _lastTick)
            {
                return;
            }

            // Slots passed since the last turn (a late driver catches up), each once.
            var from = Math.Max(_lastTick + 1, now - SlotMask);
            for (var tick = from; tick <= now && _count > 0; tick++)
            {
                var slot = (int)(tick & SlotMask);
                for (var timer = _slots[slot]; timer is not null;)
                {
                    var next = timer.Next;
                    if (timer.DueTick <= now)
                    {
                        Unlink(timer);
                        (due ??= []).Add((timer, timer.Generation));
                        if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                        {
                            timer.DueTick = now + TicksOf(timer.Period);
                            Link(timer);
                        }
                    }

                    timer = next;
                }
            }

            _lastTick = now;
        }

        if (due is not null)
        {
            foreach (var (timer, generation) in due)
            {
                QueueFire(timer, generation);
            }
        }
    }

    private static void QueueFire(WheelTimer timer, long generation) =>
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Timer.Fire(s.Generation), (Timer: timer, Generation: generation), preferLocal: false);

    private void Link(WheelTimer timer)
    {
        var slot = (int)(timer.DueTick & SlotMask);
        timer.Slot = slot;
        timer.Previous = null;
        timer.Next = _slots[slot];
        if (timer.Next is not null)
        {
            timer.Next.Previous = timer;
        }

        _slots[slot] = timer;
        _count++;
    }

    private void Unlink(WheelTimer timer)
    {
        if (timer.Slot < 0)
        {
            return;
        }

        if (timer.Previous is not null)
        {
            timer.Previous.Next = timer.Next;
        }
        else
        {
            _slots[timer.Slot] = timer.Next;
        }

        if (timer.Next is not null)
        {
            timer.Next.Previous = timer.Previous;
        }

        timer.Previous = null;
        timer.Next = null;
        timer.Slot = -1;
        _count--;
    }

    private sealed class WheelTimer(TimerWheelTimeProvider wheel, TimerCallback callback, object? state) : ITimer
    {
        // Guarded by the wheel's lock.
        public WheelTimer? Next;
        public WheelTimer? Previous;
        public int Slot = -1;
        public long DueTick;
        public long Generation;
        public TimeSpan Period;
        public bool Disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Timeout.InfiniteTimeSpan);
            ArgumentOutOfRangeException.ThrowIfLessThan(period, Timeout.InfiniteTimeSpan);
            return wheel.Schedule(this, dueTime, period);
        }

        public void Fire(long generation)
        {
            lock (wheel._gate)
            {
                // Changed or disposed after it was taken from the wheel: that firing is void.
                if (Disposed || generation != Generation)
                {
                    return;
                }
            }

            callback(state);
        }

        public void Dispose()
        {
            lock (wheel._gate)
            {
                Disposed = true;
                wheel.Unlink(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

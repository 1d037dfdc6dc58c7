using System.Threading.Tasks.Sources;

namespace DerSim.Sim.Timing;

/// <summary>
/// A loop's reusable wait: sleeps until a time has passed or someone wakes it, with one timer made once and no object
/// per wait. A wait of <c>Task.Delay</c> with a linked token source costs ~0.5 KB (a promise, a timer, a token source
/// and its registrations) that lives as long as the wait; a station's sampling and heartbeat loops wait ten seconds
/// each, so with thousands of stations those objects outlived the young generations and piled up in the old one until
/// a full collection. A wake that comes while the loop is not waiting is kept: the next wait returns at once.
/// Only on a clock whose timers are its time provider's (<see cref="ScaledClock"/>); a discrete-event clock counts waits.
/// </summary>
public sealed class Sleeper : IValueTaskSource<bool>, IDisposable
{
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private bool _waiting;
    private bool _woken;
    private DateTimeOffset _dueAt;

    /// <summary>Creates a sleeper whose waits run on <paramref name="time"/>'s timers.</summary>
    public Sleeper(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _timer = time.CreateTimer(static state => ((Sleeper)state!).Elapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Waits <paramref name="span"/> on the provider's clock: true when it passed, false when woken (<see cref="Wake"/>,
    /// now or since the last wait ended). One wait at a time.
    /// </summary>
    public ValueTask<bool> SleepAsync(TimeSpan span)
    {
        lock (_gate)
        {
            if (_waiting)
            {
                throw new InvalidOperationException("a sleeper waits once at a time");
            }

            if (_woken)
            {
                _woken = false;
                return ValueTask.FromResult(false);
            }

            if (span <= TimeSpan.Zero)
            {
                return ValueTask.FromResult(true);
            }

            _core.Reset();
            _waiting = true;
            _dueAt = _time.GetUtcNow() + span;
            _timer.Change(span, Timeout.InfiniteTimeSpan);
            return new ValueTask<bool>(this, _core.Version);
        }
    }

    /// <summary>Ends the running wait with false, or, when none runs, the next one at its start. Any thread.</summary>
    public void Wake() => Complete(elapsed: false);

    /// <summary>Wakes this sleeper when <paramref name="token"/> is cancelled (at once if it is); dispose the registration when done.</summary>
    public CancellationTokenRegistration WakeOn(CancellationToken token) => token.UnsafeRegister(static s => ((Sleeper)s!).Wake(), this);

    /// <inheritdoc />
    public void Dispose()
    {
        _timer.Dispose();
        Wake();
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private void Elapsed()
    {
        lock (_gate)
        {
            // A firing of an earlier wait (taken from the timer just before a wake and a new wait) comes early for this
            // one: wait for the rest.
            var left = _dueAt - _time.GetUtcNow();
            if (_waiting && left > TimeSpan.Zero)
            {
                _timer.Change(left, Timeout.InfiniteTimeSpan);
                return;
            }
        }

        Complete(elapsed: true);
    }

    private void Complete(bool elapsed)
    {
        lock (_gate)
        {
            if (!_waiting)
            {
                // Nothing waits: a wake is kept for the next wait; a late timer is ignored.
                _woken |= !elapsed;
                return;
            }

            _waiting = false;
            if (!elapsed)
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        _core.SetResult(elapsed);
    }
}

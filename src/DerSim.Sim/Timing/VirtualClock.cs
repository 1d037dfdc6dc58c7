namespace DerSim.Sim.Timing;

/// <summary>
/// Discrete-event time: it stands still while any registered actor runs or any hold (an OCPP exchange in flight) is
/// taken, and when every actor waits it jumps to the earliest deadline, firing timers created on <see cref="Time"/>
/// (heartbeats) on the way. A one-hour session so runs as fast as the CSMS answers. With no actor, time does not move.
/// </summary>
public sealed class VirtualClock : SimulationClock
{
    private readonly Lock _gate = new();
    private readonly List<Waiter> _waiters = [];
    private readonly List<VirtualTimeProvider.VirtualTimer> _timers = [];
    private readonly VirtualTimeProvider _time;
    private DateTimeOffset _now;
    private TimeSpan _offset;
    private int _actors;
    private int _holds;

    /// <summary>Creates a clock standing at <paramref name="start"/>.</summary>
    public VirtualClock(DateTimeOffset start)
    {
        _now = start;
        _time = new VirtualTimeProvider(this);
    }

    /// <inheritdoc />
    public override TimeProvider Time => _time;

    /// <summary>The simulated present, as the stations read it (after <see cref="SetPresent"/>).</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now + _offset;
            }
        }
    }

    /// <summary>
    /// Sets the present the stations read to <paramref name="present"/> (a station adopting its CSMS's time), without
    /// touching the timeline waits and timers run on: a wait of 30 simulated minutes still ends 30 minutes after it
    /// began, and timers keep their periods, however the present jumped meanwhile.
    /// </summary>
    public void SetPresent(DateTimeOffset present)
    {
        lock (_gate)
        {
            _offset = present - _now;
        }
    }

    /// <summary>
    /// Whether everything is quiet but <paramref name="running"/> actors (the caller's own): no exchange in flight and
    /// every other actor waits on the clock. A scenario checks it before it breaks something, so that nothing the
    /// present instant owes is still on its way.
    /// </summary>
    public bool IsQuietBut(int running)
    {
        lock (_gate)
        {
            return _holds == 0 && _waiters.Count >= _actors - running;
        }
    }

    /// <inheritdoc />
    public override Task WaitAsync(TimeSpan simulated, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled(ct);
        }

        var waiter = new Waiter(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            waiter.Deadline = _now + (simulated < TimeSpan.Zero ? TimeSpan.Zero : simulated);
            _waiters.Add(waiter);
        }

        waiter.Registration = ct.Register(() =>
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            waiter.Completion.TrySetCanceled(ct);
        });
        Advance();
        return waiter.Completion.Task;
    }

    /// <inheritdoc />
    public override IDisposable RegisterActor()
    {
        lock (_gate)
        {
            _actors++;
        }

        return new Release(this, actor: true);
    }

    /// <inheritdoc />
    public override bool HoldsForExchanges => true;

    /// <inheritdoc />
    public override IDisposable Hold()
    {
        lock (_gate)
        {
            _holds++;
        }

        return new Release(this, actor: false);
    }

    internal DateTimeOffset NowUnlocked() => Now;

    /// <summary>The monotonic timeline waits and timers run on, unaffected by <see cref="SetPresent"/>.</summary>
    internal long TimelineTicks()
    {
        lock (_gate)
        {
            return _now.UtcTicks;
        }
    }

    internal void Schedule(VirtualTimeProvider.VirtualTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.Deadline = _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                _timers.Add(timer);
            }
        }
    }

    internal void Unschedule(VirtualTimeProvider.VirtualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private void Advance()
    {
        while (true)
        {
            List<Waiter> due;
            List<VirtualTimeProvider.VirtualTimer> timers;
            lock (_gate)
            {
                if (_actors == 0 || _holds > 0 || _waiters.Count < _actors)
                {
                    return;
                }

                var next = _waiters.Min(w => w.Deadline);
                foreach (var timer in _timers)
                {
                    if (timer.Deadline < next)
                    {
                        next = timer.Deadline;
                    }
                }

                if (next > _now)
                {
                    _now = next;
                }

                due = _waiters.FindAll(w => w.Deadline <= _now);
                _waiters.RemoveAll(w => w.Deadline <= _now);
                timers = _timers.FindAll(t => t.Deadline <= _now);
                foreach (var timer in timers)
                {
                    _timers.Remove(timer);
                    if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                    {
                        timer.Deadline = _now + timer.Period;
                        _timers.Add(timer);
                    }
                }
            }

            foreach (var timer in timers)
            {
                ThreadPool.QueueUserWorkItem(static t => t.Fire(), timer, preferLocal: false);
            }

            foreach (var waiter in due)
            {
                waiter.Registration.Dispose();
                waiter.Completion.TrySetResult();
            }

            if (due.Count > 0)
            {
                return;
            }
        }
    }

    private void Released(bool actor)
    {
        lock (_gate)
        {
            if (actor)
            {
                _actors--;
            }
            else
            {
                _holds--;
            }
        }

        Advance();
    }

    private sealed class Waiter(TaskCompletionSource completion)
    {
        public TaskCompletionSource Completion { get; } = completion;

        public DateTimeOffset Deadline { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Release(VirtualClock clock, bool actor) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                clock.Released(actor);
            }
        }
    }
}

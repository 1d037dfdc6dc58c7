using DerSim.Sim.Physics;

namespace DerSim.Sim.Der;

/// <summary>
/// The station's DER controls, version-neutral: the store (default and scheduled controls per type, priorities,
/// superseding, get and clear), the start/stop and alarm notifications due, and — as <see cref="IGridSupport"/> — their
/// effect on every port (see <c>DerController.Effects.cs</c>). The grid is read through a history stamped with the
/// simulated time of each change, so the physics, which may lag the clock, sees each step at the instant it happened.
/// Thread-safe.
/// </summary>
public sealed partial class DerController : IGridSupport
{
    /// <summary>Most entries per list in one OCPP message (the schemas' maxItems).</summary>
    public const int MaxListItems = 24;

    private readonly Lock _gate = new();
    private readonly List<Entry> _controls = [];
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly Queue<DerNotification> _pending = new();
    private readonly List<(DateTimeOffset At, GridState State)> _grid = [];
    private readonly TimeProvider _time;
    private long _sequence;
    private DateTimeOffset _lastPoll = DateTimeOffset.MinValue;

    /// <summary>A store for a station on <paramref name="grid"/>, stamping grid changes with <paramref name="time"/>.</summary>
    public DerController(TimeProvider time, SimulatedGrid grid)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(grid);
        _time = time;
        _grid.Add((DateTimeOffset.MinValue, grid.State));
        grid.Changed += OnGridChanged;
    }

    /// <summary>Raised after the controls changed or a notification became due; handlers must not block.</summary>
    public event Action? Changed;

    /// <summary>Stores <paramref name="control"/>, superseding controls of its type and kind it outranks; a control with the same id is replaced.</summary>
    public DerSetResult Set(DerControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        if (Check(control) is { } refusal)
        {
            return refusal;
        }

        var superseded = new List<string>();
        lock (_gate)
        {
            _controls.RemoveAll(e => string.Equals(e.Control.Id, control.Id, StringComparison.Ordinal));
            foreach (var entry in _controls)
            {
                // OCPP: a new control of the same type and kind with the same or a higher priority (lower number) supersedes.
                if (!entry.Superseded && entry.Control.Type == control.Type && entry.Control.IsDefault == control.IsDefault
                    && entry.Control.Setting.Priority >= control.Setting.Priority && entry.Control.Overlaps(control))
                {
                    entry.Superseded = true;
                    superseded.Add(entry.Control.Id);
                }
            }

            _controls.Add(new Entry(control, ++_sequence, _time.GetUtcNow()) { SupersededIds = [.. superseded.Take(MaxListItems)] });
        }

        Changed?.Invoke();
        return new DerSetResult(DerStatus.Accepted, superseded);
    }

    /// <summary>The stored controls matching every filter given (null: any), in the order they were set.</summary>
    public IReadOnlyList<DerStoredControl> Get(bool? isDefault = null, DerControlType? type = null, string? controlId = null)
    {
        lock (_gate)
        {
            return [.. _controls.Where(e => Matches(e.Control, isDefault, type, controlId)).Select(e => new DerStoredControl(e.Control, e.Superseded))];
        }
    }

    /// <summary>Removes the control <paramref name="controlId"/>, or else every control of kind <paramref name="isDefault"/> (and <paramref name="type"/> when given); returns how many.</summary>
    public int Clear(bool isDefault, DerControlType? type = null, string? controlId = null)
    {
        int removed;
        lock (_gate)
        {
            removed = controlId is not null
                ? _controls.RemoveAll(e => string.Equals(e.Control.Id, controlId, StringComparison.Ordinal))
                : _controls.RemoveAll(e => Matches(e.Control, isDefault, type, null));
        }

        if (removed > 0)
        {
            Changed?.Invoke();
        }

        return removed;
    }

    /// <summary>The control of <paramref name="type"/> in force at <paramref name="at"/>: the best scheduled one in its window, else the best default.</summary>
    public DerControl? Active(DerControlType type, DateTimeOffset at)
    {
        lock (_gate)
        {
            return ActiveLocked(type, at);
        }
    }

    /// <summary>
    /// The notifications due at <paramref name="now"/>: stops, then starts, of scheduled controls whose window opened
    /// or closed (or that were cleared or superseded) since the last call, and the alarms the grid raised. Each is
    /// stamped with the instant it happened (a window's start or end, when a control was set, an alarm's grid change),
    /// not the poll's, so a late poll — after a reconnect, say — still tells the CSMS when. Expired scheduled controls
    /// are dropped.
    /// </summary>
    public IReadOnlyList<DerNotification> Poll(DateTimeOffset now)
    {
        var due = new List<DerNotification>();
        lock (_gate)
        {
            var instants = ChangeInstantsLocked(_lastPoll, now);
            var active = Enum.GetValues<DerControlType>()
                .Select(t => ActiveLocked(t, now))
                .Where(c => c is { IsDefault: false })
                .Select(c => _controls.First(e => ReferenceEquals(e.Control, c)))
                .ToList();
            var activeIds = active.Select(e => e.Control.Id).ToHashSet(StringComparer.Ordinal);
            var stoppedNow = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stopped in _announced.Where(id => !activeIds.Contains(id)).Order(StringComparer.Ordinal).ToList())
            {
                // Still stored: its window closed or a better control took over, at the first instant it was out of
                // force; gone: cleared or replaced, which wakes the poll at once.
                var entry = _controls.FirstOrDefault(e => string.Equals(e.Control.Id, stopped, StringComparison.Ordinal));
                var at = entry is null ? now : instants.FirstOrDefault(t => !InForceLocked(entry, t), now);
                due.Add(new DerStartStop(at, stopped, false, []));
                _announced.Remove(stopped);
                stoppedNow.Add(stopped);
            }

            foreach (var started in active.Where(e => _announced.Add(e.Control.Id)))
            {
                due.Add(new DerStartStop(instants.FirstOrDefault(t => InForceLocked(started, t), now), started.Control.Id, true, started.SupersededIds));
            }

            // A window that opened and closed between two polls was in force all the same: both ends are told.
            foreach (var missed in _controls.Where(e => !e.Control.IsDefault && !activeIds.Contains(e.Control.Id) && !stoppedNow.Contains(e.Control.Id)))
            {
                var from = instants.FindIndex(t => InForceLocked(missed, t));
                if (from >= 0)
                {
                    due.Add(new DerStartStop(instants[from], missed.Control.Id, true, missed.SupersededIds));
                    due.Add(new DerStartStop(instants.Skip(from).FirstOrDefault(t => !InForceLocked(missed, t), now), missed.Control.Id, false, []));
                }
            }

            _controls.RemoveAll(e => !e.Control.IsDefault && End(e.Control) is { } end && now >= end);
            while (_pending.TryDequeue(out var alarm))
            {
                due.Add(alarm);
            }

            _lastPoll = now;
        }

        // At one instant, what stopped is told before what took its place.
        return [.. due.OrderBy(n => n.At).ThenBy(n => n is DerStartStop { Started: true } ? 1 : 0)];
    }

    /// <summary>The next instant after <paramref name="now"/> at which a scheduled control starts or ends; <paramref name="now"/> when notifications wait; null when nothing is due.</summary>
    public DateTimeOffset? NextDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                return now;
            }

            DateTimeOffset? next = null;
            foreach (var entry in _controls.Where(e => !e.Control.IsDefault && !e.Superseded))
            {
                if (entry.Control.Setting.StartTime is not { } start)
                {
                    continue;
                }

                var end = entry.Control.Setting.Duration is { } d ? start + d : (DateTimeOffset?)null;
                foreach (var instant in new[] { start, end })
                {
                    if (instant is { } t && t > now && (next is null || t < next))
                    {
                        next = t;
                    }
                }
            }

            return next;
        }
    }

    /// <summary>The grid at simulated time <paramref name="at"/>, as stamped when it changed.</summary>
    public GridState GridAt(DateTimeOffset at)
    {
        lock (_gate)
        {
            return GridEntryAt(at).State;
        }
    }

    private static DerSetResult? Check(DerControl control)
    {
        if (control.Type == DerControlType.PowerMonitoringMustTrip)
        {
            return new DerSetResult(DerStatus.NotSupported, [], "UseLimitMaxDischarge");
        }

        var fits = control.Type switch
        {
            DerControlType.FixedPFAbsorb or DerControlType.FixedPFInject => control.Setting is DerFixedPowerFactor,
            DerControlType.FixedVar => control.Setting is DerFixedVar,
            DerControlType.FreqDroop => control.Setting is DerFreqDroop,
            DerControlType.LimitMaxDischarge => control.Setting is DerLimitMaxDischarge,
            DerControlType.Gradients => control.Setting is DerGradients,
            DerControlType.EnterService => control.Setting is DerEnterService,
            _ => control.Setting is DerCurve { Points.Count: > 0 },
        };
        if (!fits)
        {
            return new DerSetResult(DerStatus.Rejected, [], "MissingSetting");
        }

        if (!control.IsDefault && control.Setting.StartTime is null && control.Type is not (DerControlType.Gradients or DerControlType.EnterService))
        {
            return new DerSetResult(DerStatus.Rejected, [], "MissingStartTime");
        }

        return null;
    }

    private static DateTimeOffset? End(DerControl control) =>
        control.Setting is { StartTime: { } start, Duration: { } duration } ? start + duration : null;

    /// <summary>The instants in (<paramref name="after"/>, <paramref name="upTo"/>] at which what is in force may have changed, ascending, ending with <paramref name="upTo"/>.</summary>
    private List<DateTimeOffset> ChangeInstantsLocked(DateTimeOffset after, DateTimeOffset upTo)
    {
        var instants = new SortedSet<DateTimeOffset> { upTo };
        foreach (var entry in _controls)
        {
            foreach (var instant in new[] { entry.SetAt, entry.Control.Setting.StartTime, End(entry.Control) })
            {
                if (instant is { } t && t > after && t <= upTo)
                {
                    instants.Add(t);
                }
            }
        }

        return [.. instants];
    }

    /// <summary>Whether <paramref name="entry"/> was the control of its type in force at <paramref name="at"/>, among the controls set by then.</summary>
    private bool InForceLocked(Entry entry, DateTimeOffset at) =>
        entry.SetAt <= at && !entry.Superseded && entry.Control.InWindow(at)
        && ReferenceEquals(BestLocked(entry.Control.Type, at, e => e.SetAt <= at), entry);

    private static bool Matches(DerControl control, bool? isDefault, DerControlType? type, string? controlId) =>
        (isDefault is null || control.IsDefault == isDefault)
        && (type is null || control.Type == type)
        && (controlId is null || string.Equals(control.Id, controlId, StringComparison.Ordinal));

    private DerControl? ActiveLocked(DerControlType type, DateTimeOffset at) => BestLocked(type, at, static _ => true)?.Control;

    private Entry? BestLocked(DerControlType type, DateTimeOffset at, Func<Entry, bool> known)
    {
        var candidates = _controls.Where(e => !e.Superseded && e.Control.Type == type && e.Control.InWindow(at) && known(e)).ToList();
        var scheduled = candidates.Where(e => !e.Control.IsDefault).ToList();
        var pool = scheduled.Count > 0 ? scheduled : candidates;
        return pool.OrderBy(e => e.Control.Setting.Priority).ThenByDescending(e => e.Sequence).FirstOrDefault();
    }

    private (DateTimeOffset At, GridState State) GridEntryAt(DateTimeOffset at)
    {
        for (var i = _grid.Count - 1; i > 0; i--)
        {
            if (_grid[i].At <= at)
            {
                return _grid[i];
            }
        }

        return _grid[0];
    }

    private void OnGridChanged(GridState before, GridState after)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _grid.Add((now, after));

            // The history only needs what the lagging physics may still ask for; a few hundred steps are plenty.
            if (_grid.Count > 512)
            {
                _grid.RemoveRange(0, _grid.Count - 512);
            }

            foreach (var type in Enum.GetValues<DerControlType>().Where(DerCurves.IsTrip))
            {
                if (ActiveLocked(type, now)?.Setting is not DerCurve curve)
                {
                    continue;
                }

                var wasBeyond = Beyond(type, curve, before);
                var isBeyond = Beyond(type, curve, after);
                if (wasBeyond != isBeyond)
                {
                    _pending.Enqueue(new DerAlarm(now, type, DerCurves.FaultOf(type), Ended: !isBeyond));
                }
            }
        }

        Changed?.Invoke();
    }

    private static bool Beyond(DerControlType type, DerCurve curve, GridState grid) =>
        DerCurves.TripDelaySeconds(curve.Points, DerCurves.IsHigh(type), DerCurves.IsVoltage(type) ? grid.VoltagePercent : grid.FrequencyHz) is not null;

    private sealed class Entry(DerControl control, long sequence, DateTimeOffset setAt)
    {
        public DerControl Control { get; } = control;

        public long Sequence { get; } = sequence;

        public DateTimeOffset SetAt { get; } = setAt;

        public bool Superseded { get; set; }

        public IReadOnlyList<string> SupersededIds { get; init; } = [];
    }
}

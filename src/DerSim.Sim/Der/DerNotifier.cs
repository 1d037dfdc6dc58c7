using DerSim.Sim.Physics;

namespace DerSim.Sim.Der;

/// <summary>
/// The DER notifications: NotifyDERStartStop when a scheduled control's window opens or closes (or it is cleared or
/// superseded), NotifyDERAlarm when the grid crosses a trip curve in force. Reads the store under its lock.
/// </summary>
internal sealed class DerNotifier(DerControlStore store)
{
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly Queue<DerNotification> _pending = new();
    private DateTimeOffset _lastPoll = DateTimeOffset.MinValue;

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
        lock (store.Gate)
        {
            var instants = store.ChangeInstantsLocked(_lastPoll, now);
            var active = Enum.GetValues<DerControlType>()
                .Select(t => store.ActiveLocked(t, now))
                .Where(c => c is { IsDefault: false })
                .Select(c => store.Entries.First(e => ReferenceEquals(e.Control, c)))
                .ToList();
            var activeIds = active.Select(e => e.Control.Id).ToHashSet(StringComparer.Ordinal);
            var stoppedNow = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stopped in _announced.Where(id => !activeIds.Contains(id)).Order(StringComparer.Ordinal).ToList())
            {
                // Still stored: its window closed or a better control took over, at the first instant it was out of
                // force; gone: cleared or replaced, which wakes the poll at once.
                var entry = store.Entries.FirstOrDefault(e => string.Equals(e.Control.Id, stopped, StringComparison.Ordinal));
                var at = entry is null ? now : instants.FirstOrDefault(t => !store.InForceLocked(entry, t), now);
                due.Add(new DerStartStop(at, stopped, false, []));
                _announced.Remove(stopped);
                stoppedNow.Add(stopped);
            }

            foreach (var started in active.Where(e => _announced.Add(e.Control.Id)))
            {
                due.Add(new DerStartStop(instants.FirstOrDefault(t => store.InForceLocked(started, t), now), started.Control.Id, true, started.SupersededIds));
            }

            // A window that opened and closed between two polls was in force all the same: both ends are told.
            foreach (var missed in store.Entries.Where(e => !e.Control.IsDefault && !activeIds.Contains(e.Control.Id) && !stoppedNow.Contains(e.Control.Id)))
            {
                var from = instants.FindIndex(t => store.InForceLocked(missed, t));
                if (from >= 0)
                {
                    due.Add(new DerStartStop(instants[from], missed.Control.Id, true, missed.SupersededIds));
                    due.Add(new DerStartStop(instants.Skip(from).FirstOrDefault(t => !store.InForceLocked(missed, t), now), missed.Control.Id, false, []));
                }
            }

            store.Entries.RemoveAll(e => !e.Control.IsDefault && DerControlStore.End(e.Control) is { } end && now >= end);
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
        lock (store.Gate)
        {
            if (_pending.Count > 0)
            {
                return now;
            }

            DateTimeOffset? next = null;
            foreach (var entry in store.Entries.Where(e => !e.Control.IsDefault && !e.Superseded))
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

    /// <summary>Queues the alarms a grid change from <paramref name="before"/> to <paramref name="after"/> raises or ends (under the store's lock).</summary>
    public void GridChangedLocked(DateTimeOffset now, GridState before, GridState after)
    {
        foreach (var type in Enum.GetValues<DerControlType>().Where(DerCurves.IsTrip))
        {
            if (store.ActiveLocked(type, now)?.Setting is not DerCurve curve)
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

    private static bool Beyond(DerControlType type, DerCurve curve, GridState grid) =>
        DerCurves.TripDelaySeconds(curve.Points, DerCurves.IsHigh(type), DerCurves.IsVoltage(type) ? grid.VoltagePercent : grid.FrequencyHz) is not null;
}

using DerSim.Sim.Physics;

namespace DerSim.Sim.Der;

/// <summary>
/// The stored DER controls: default and scheduled controls per type, priorities, superseding, get and clear, and which
/// control is in force when. Its <see cref="Gate"/> is the DER controller's one lock: the notifier and the grid support
/// read the store under it, so each sees one consistent set of controls.
/// </summary>
internal sealed class DerControlStore(TimeProvider time)
{
    private long _sequence;

    /// <summary>The lock of the store and of everything that reads it.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The controls, in the order they were set (guarded by <see cref="Gate"/>).</summary>
    public List<DerControlEntry> Entries { get; } = [];

    /// <summary>Stores <paramref name="control"/>, superseding controls of its type and kind it outranks; a control with the same id is replaced.</summary>
    public DerSetResult Set(DerControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        if (Check(control) is { } refusal)
        {
            return refusal;
        }

        var superseded = new List<string>();
        lock (Gate)
        {
            Entries.RemoveAll(e => string.Equals(e.Control.Id, control.Id, StringComparison.Ordinal));
            foreach (var entry in Entries)
            {
                // OCPP: a new control of the same type and kind with the same or a higher priority (lower number) supersedes.
                if (!entry.Superseded && entry.Control.Type == control.Type && entry.Control.IsDefault == control.IsDefault
                    && entry.Control.Setting.Priority >= control.Setting.Priority && entry.Control.Overlaps(control))
                {
                    entry.Superseded = true;
                    superseded.Add(entry.Control.Id);
                }
            }

            Entries.Add(new DerControlEntry(control, ++_sequence, time.GetUtcNow()) { SupersededIds = [.. superseded.Take(DerController.MaxListItems)] });
        }

        return new DerSetResult(DerStatus.Accepted, superseded);
    }

    /// <summary>The stored controls matching every filter given (null: any), in the order they were set.</summary>
    public IReadOnlyList<DerStoredControl> Get(bool? isDefault = null, DerControlType? type = null, string? controlId = null)
    {
        lock (Gate)
        {
            return [.. Entries.Where(e => Matches(e.Control, isDefault, type, controlId)).Select(e => new DerStoredControl(e.Control, e.Superseded))];
        }
    }

    /// <summary>Removes the control <paramref name="controlId"/>, or else every control of kind <paramref name="isDefault"/> (and <paramref name="type"/> when given); returns how many.</summary>
    public int Clear(bool isDefault, DerControlType? type = null, string? controlId = null)
    {
        int removed;
        lock (Gate)
        {
            removed = controlId is not null
                ? Entries.RemoveAll(e => string.Equals(e.Control.Id, controlId, StringComparison.Ordinal))
                : Entries.RemoveAll(e => Matches(e.Control, isDefault, type, null));
        }

        return removed;
    }

    /// <summary>The control of <paramref name="type"/> in force at <paramref name="at"/>: the best scheduled one in its window, else the best default.</summary>
    public DerControl? Active(DerControlType type, DateTimeOffset at)
    {
        lock (Gate)
        {
            return ActiveLocked(type, at);
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

    internal static DateTimeOffset? End(DerControl control) =>
        control.Setting is { StartTime: { } start, Duration: { } duration } ? start + duration : null;

    /// <summary>The instants in (<paramref name="after"/>, <paramref name="upTo"/>] at which what is in force may have changed, ascending, ending with <paramref name="upTo"/>.</summary>
    internal List<DateTimeOffset> ChangeInstantsLocked(DateTimeOffset after, DateTimeOffset upTo)
    {
        var instants = new SortedSet<DateTimeOffset> { upTo };
        foreach (var entry in Entries)
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
    internal bool InForceLocked(DerControlEntry entry, DateTimeOffset at) =>
        entry.SetAt <= at && !entry.Superseded && entry.Control.InWindow(at)
        && ReferenceEquals(BestLocked(entry.Control.Type, at, e => e.SetAt <= at), entry);

    private static bool Matches(DerControl control, bool? isDefault, DerControlType? type, string? controlId) =>
        (isDefault is null || control.IsDefault == isDefault)
        && (type is null || control.Type == type)
        && (controlId is null || string.Equals(control.Id, controlId, StringComparison.Ordinal));

    internal DerControl? ActiveLocked(DerControlType type, DateTimeOffset at) => BestLocked(type, at, static _ => true)?.Control;

    internal DerControlEntry? BestLocked(DerControlType type, DateTimeOffset at, Func<DerControlEntry, bool> known)
    {
        var candidates = Entries.Where(e => !e.Superseded && e.Control.Type == type && e.Control.InWindow(at) && known(e)).ToList();
        var scheduled = candidates.Where(e => !e.Control.IsDefault).ToList();
        var pool = scheduled.Count > 0 ? scheduled : candidates;
        return pool.OrderBy(e => e.Control.Setting.Priority).ThenByDescending(e => e.Sequence).FirstOrDefault();
    }

}

/// <summary>One stored control, when it was set and whether a later one superseded it.</summary>
internal sealed class DerControlEntry(DerControl control, long sequence, DateTimeOffset setAt)
{
    public DerControl Control { get; } = control;

    public long Sequence { get; } = sequence;

    public DateTimeOffset SetAt { get; } = setAt;

    public bool Superseded { get; set; }

    public IReadOnlyList<string> SupersededIds { get; init; } = [];
}

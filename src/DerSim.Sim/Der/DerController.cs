using DerSim.Sim.Physics;

namespace DerSim.Sim.Der;

/// <summary>
/// The station's DER controls, version-neutral: a <see cref="DerControlStore"/> (default and scheduled controls per
/// type, priorities, superseding, get and clear), a <see cref="DerNotifier"/> (the start/stop and alarm notifications
/// due) and, as <see cref="IGridSupport"/>, a <see cref="DerGridSupport"/> (their effect on every port), over one
/// grid history stamped with the simulated time of each change. Thread-safe: the three share the store's lock.
/// </summary>
public sealed class DerController : IGridSupport
{
    /// <summary>Most entries per list in one OCPP message (the schemas' maxItems).</summary>
    public const int MaxListItems = 24;

    private readonly TimeProvider _time;
    private readonly DerControlStore _store;
    private readonly DerGridHistory _grid;
    private readonly DerNotifier _notifier;
    private readonly DerGridSupport _support;

    /// <summary>A controller for a station on <paramref name="grid"/>, stamping grid changes with <paramref name="time"/>.</summary>
    public DerController(TimeProvider time, SimulatedGrid grid)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(grid);
        _time = time;
        _store = new DerControlStore(time);
        _grid = new DerGridHistory(grid.State);
        _notifier = new DerNotifier(_store);
        _support = new DerGridSupport(_store, _grid);
        grid.Changed += OnGridChanged;
    }

    /// <summary>Raised after the controls changed or a notification became due; handlers must not block.</summary>
    public event Action? Changed;

    /// <summary>Whether a must-trip or may-trip curve tripped the station at the last evaluation (cleared by EnterService).</summary>
    public bool IsTripped => _support.IsTripped;

    /// <summary>Stores <paramref name="control"/>, superseding controls of its type and kind it outranks; a control with the same id is replaced.</summary>
    public DerSetResult Set(DerControl control)
    {
        var result = _store.Set(control);
        if (result.Status == DerStatus.Accepted)
        {
            Changed?.Invoke();
        }

        return result;
    }

    /// <summary>The stored controls matching every filter given (null: any), in the order they were set.</summary>
    public IReadOnlyList<DerStoredControl> Get(bool? isDefault = null, DerControlType? type = null, string? controlId = null) =>
        _store.Get(isDefault, type, controlId);

    /// <summary>Removes the control <paramref name="controlId"/>, or else every control of kind <paramref name="isDefault"/> (and <paramref name="type"/> when given); returns how many.</summary>
    public int Clear(bool isDefault, DerControlType? type = null, string? controlId = null)
    {
        var removed = _store.Clear(isDefault, type, controlId);
        if (removed > 0)
        {
            Changed?.Invoke();
        }

        return removed;
    }

    /// <summary>The control of <paramref name="type"/> in force at <paramref name="at"/>: the best scheduled one in its window, else the best default.</summary>
    public DerControl? Active(DerControlType type, DateTimeOffset at) => _store.Active(type, at);

    /// <inheritdoc cref="DerNotifier.Poll"/>
    public IReadOnlyList<DerNotification> Poll(DateTimeOffset now) => _notifier.Poll(now);

    /// <inheritdoc cref="DerNotifier.NextDue"/>
    public DateTimeOffset? NextDue(DateTimeOffset now) => _notifier.NextDue(now);

    /// <summary>The grid at simulated time <paramref name="at"/>, as stamped when it changed.</summary>
    public GridState GridAt(DateTimeOffset at)
    {
        lock (_store.Gate)
        {
            return _grid.EntryAt(at).State;
        }
    }

    /// <inheritdoc />
    public GridSupportEffect Apply(DateTimeOffset now, GridSupportPort port) => _support.Apply(now, port);

    private void OnGridChanged(GridState before, GridState after)
    {
        var now = _time.GetUtcNow();
        lock (_store.Gate)
        {
            _grid.Add(now, after);
            _notifier.GridChangedLocked(now, before, after);
        }

        Changed?.Invoke();
    }
}

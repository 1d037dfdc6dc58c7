using DerSim.Sim.Physics;

namespace DerSim.Sim.Der;

/// <summary>
/// The grid's history, each state stamped with the simulated time it began, so the physics, which may lag the clock,
/// sees each step at the instant it happened. Guarded by the store's lock.
/// </summary>
internal sealed class DerGridHistory
{
    private readonly List<(DateTimeOffset At, GridState State)> _grid = [];

    public DerGridHistory(GridState initial) => _grid.Add((DateTimeOffset.MinValue, initial));

    /// <summary>Records the grid's <paramref name="state"/> from <paramref name="at"/> on.</summary>
    public void Add(DateTimeOffset at, GridState state)
    {
        _grid.Add((at, state));

        // The history only needs what the lagging physics may still ask for; a few hundred steps are plenty.
        if (_grid.Count > 512)
        {
            _grid.RemoveRange(0, _grid.Count - 512);
        }
    }

    /// <summary>The state at <paramref name="at"/> and when it began.</summary>
    public (DateTimeOffset At, GridState State) EntryAt(DateTimeOffset at)
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

}

using DerSim.Sim.Physics;
using DerSim.Sim.SmartCharging;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Engine;

/// <summary>
/// The inputs of the 2.1 frequency operation modes: LocalFrequency reads the grid's frequency, CentralFrequency the
/// aFRR signal the CSMS sent last (AFRRSignal), from the instant the signal says it becomes active.
/// </summary>
public sealed class FrequencyInputs
{
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset Active, int Signal)> _afrrSignals = [];
    private readonly SimulationClock _clock;
    private readonly SimulatedGrid _grid;
    private readonly Action<string> _log;

    internal FrequencyInputs(SimulationClock clock, SimulatedGrid grid, Action<string> log)
    {
        _clock = clock;
        _grid = grid;
        _log = log;
    }

    /// <summary>
    /// Takes an aFRR signal (AFRRSignal): from <paramref name="activeFrom"/> on the simulated clock (at once when that
    /// is past) ports in CentralFrequency follow their signal-watt curve at <paramref name="signal"/>.
    /// </summary>
    public void ReceiveAfrrSignal(DateTimeOffset activeFrom, int signal)
    {
        lock (_gate)
        {
            // Kept in order of activation; a later-sent signal for the same instant replaces the earlier one.
            _afrrSignals.RemoveAll(s => s.Active == activeFrom);
            var at = _afrrSignals.FindIndex(s => s.Active > activeFrom);
            _afrrSignals.Insert(at < 0 ? _afrrSignals.Count : at, (activeFrom, signal));

            // Signals superseded before now are of no further use.
            var now = _clock.Time.GetUtcNow();
            var current = _afrrSignals.FindLastIndex(s => s.Active <= now);
            if (current > 0)
            {
                _afrrSignals.RemoveRange(0, current);
            }
        }

        _log($"aFRR signal {signal} from {activeFrom:O}");
    }

    /// <summary>The aFRR signal in force at <paramref name="at"/>; null before the first.</summary>
    public int? AfrrSignalAt(DateTimeOffset at)
    {
        lock (_gate)
        {
            var index = _afrrSignals.FindLastIndex(s => s.Active <= at);
            return index < 0 ? null : _afrrSignals[index].Signal;
        }
    }

    /// <summary>The grid's frequency now and the aFRR signal in force at <paramref name="at"/>.</summary>
    internal V2xInputs At(DateTimeOffset at) => new(_grid.State.FrequencyHz, AfrrSignalAt(at));
}

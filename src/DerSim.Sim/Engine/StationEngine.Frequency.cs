using DerSim.Sim.SmartCharging;

namespace DerSim.Sim.Engine;

/// <summary>
/// The inputs of the 2.1 frequency operation modes: LocalFrequency reads the grid's frequency, CentralFrequency the
/// aFRR signal the CSMS sent last (AFRRSignal), from the instant the signal says it becomes active.
/// </summary>
public sealed partial class StationEngine
{
    private readonly Lock _signalGate = new();
    private readonly List<(DateTimeOffset Active, int Signal)> _afrrSignals = [];

    /// <summary>
    /// Takes an aFRR signal (AFRRSignal): from <paramref name="activeFrom"/> on the simulated clock (at once when that
    /// is past) ports in CentralFrequency follow their signal-watt curve at <paramref name="signal"/>.
    /// </summary>
    public void ReceiveAfrrSignal(DateTimeOffset activeFrom, int signal)
    {
        lock (_signalGate)
        {
            // Kept in order of activation; a later-sent signal for the same instant replaces the earlier one.
            _afrrSignals.RemoveAll(s => s.Active == activeFrom);
            var at = _afrrSignals.FindIndex(s => s.Active > activeFrom);
            _afrrSignals.Insert(at < 0 ? _afrrSignals.Count : at, (activeFrom, signal));

            // Signals superseded before now are of no further use.
            var now = Clock.Time.GetUtcNow();
            var current = _afrrSignals.FindLastIndex(s => s.Active <= now);
            if (current > 0)
            {
                _afrrSignals.RemoveRange(0, current);
            }
        }

        Log($"aFRR signal {signal} from {activeFrom:O}");
    }

    /// <summary>The aFRR signal in force at <paramref name="at"/>; null before the first.</summary>
    public int? AfrrSignalAt(DateTimeOffset at)
    {
        lock (_signalGate)
        {
            var index = _afrrSignals.FindLastIndex(s => s.Active <= at);
            return index < 0 ? null : _afrrSignals[index].Signal;
        }
    }

    private V2xInputs V2xInputsAt(DateTimeOffset at) => new(Grid.State.FrequencyHz, AfrrSignalAt(at));
}

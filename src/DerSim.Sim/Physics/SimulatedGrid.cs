namespace DerSim.Sim.Physics;

/// <summary>
/// The grid a station is connected to, as scenarios and grid-support functions see it: a voltage and a frequency
/// that stay at nominal until something steps them ("the grid frequency rises to 50.5 Hz"). Thread-safe; it holds
/// no time of its own, so a step takes effect at the simulated instant of whoever reads it next.
/// </summary>
public sealed class SimulatedGrid
{
    /// <summary>European low voltage: 230 V phase to neutral.</summary>
    public const double DefaultNominalVoltageV = 230;

    /// <summary>European frequency: 50 Hz.</summary>
    public const double DefaultNominalFrequencyHz = 50;

    private readonly Lock _gate = new();
    private GridState _state;

    /// <summary>Creates a grid standing at its nominal values.</summary>
    public SimulatedGrid(double nominalVoltageV = DefaultNominalVoltageV, double nominalFrequencyHz = DefaultNominalFrequencyHz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(nominalVoltageV, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(nominalFrequencyHz, 0);
        _state = new GridState(nominalVoltageV, nominalFrequencyHz, nominalVoltageV, nominalFrequencyHz);
    }

    /// <summary>Raised after the voltage or frequency changed, with the state before and after; handlers must not block.</summary>
    public event Action<GridState, GridState>? Changed;

    /// <summary>The grid now.</summary>
    public GridState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Steps the voltage to <paramref name="voltageV"/> (phase to neutral).</summary>
    public void SetVoltage(double voltageV)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(voltageV);
        Update(s => s with { VoltageV = voltageV });
    }

    /// <summary>Steps the frequency to <paramref name="frequencyHz"/>.</summary>
    public void SetFrequency(double frequencyHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequencyHz);
        Update(s => s with { FrequencyHz = frequencyHz });
    }

    /// <summary>Puts voltage and frequency back to nominal.</summary>
    public void Restore() => Update(s => s with { VoltageV = s.NominalVoltageV, FrequencyHz = s.NominalFrequencyHz });

    private void Update(Func<GridState, GridState> change)
    {
        GridState before, after;
        lock (_gate)
        {
            before = _state;
            after = change(before);
            _state = after;
        }

        if (before != after)
        {
            Changed?.Invoke(before, after);
        }
    }
}

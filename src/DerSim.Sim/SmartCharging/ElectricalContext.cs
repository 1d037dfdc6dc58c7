using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.SmartCharging;

/// <summary>
/// The electrical facts of an EVSE needed to turn ampere limits into kW and back: AC power is
/// A × V(phase-to-neutral) × phases, DC power is A × V.
/// </summary>
/// <param name="NominalVoltage">Phase-to-neutral voltage on AC (e.g. 230), link voltage on DC (e.g. 400).</param>
/// <param name="Phases">Phases the EVSE has on AC (1 or 3); ignored on DC.</param>
/// <param name="Current">AC or DC.</param>
public sealed record ElectricalContext(double NominalVoltage, int Phases, CurrentType Current)
{
    /// <summary>
    /// The EVSE's (or, for EVSE 0, the station's) hardware limit in kW, reported by composite schedules where no profile
    /// limits. The default value is null: such intervals then carry no limit.
    /// </summary>
    public double? MaxKw { get; init; }

    /// <summary>Phases a period's limit applies to: its numberPhases (3 when absent) capped by the EVSE's phases; 1 on DC.</summary>
    public int EffectivePhases(int? numberPhases) =>
        Current == CurrentType.DC ? 1 : Math.Clamp(Math.Min(numberPhases ?? 3, Phases), 1, 3);

    /// <summary>Converts a limit in <paramref name="unit"/> to kW.</summary>
    public double ToKw(double limit, ChargingRateUnit unit, int? numberPhases = null) => unit switch
    {
        ChargingRateUnit.W => limit / 1000.0,
        _ => limit * NominalVoltage * EffectivePhases(numberPhases) / 1000.0,
    };

    /// <summary>Converts kW to a limit in <paramref name="unit"/>.</summary>
    public double FromKw(double kw, ChargingRateUnit unit, int? numberPhases = null) => unit switch
    {
        ChargingRateUnit.W => kw * 1000.0,
        _ => kw * 1000.0 / (NominalVoltage * EffectivePhases(numberPhases)),
    };
}

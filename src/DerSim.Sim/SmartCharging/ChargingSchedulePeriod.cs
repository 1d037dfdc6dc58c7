using DerSim.Sim.Physics;

namespace DerSim.Sim.SmartCharging;

/// <summary>
/// One period of a schedule, in force from <paramref name="StartPeriod"/> seconds after the schedule start until the
/// next period starts. Values stay <see cref="decimal"/> as the CSMS sent them so they convert back exactly.
/// </summary>
/// <param name="StartPeriod">Seconds from the schedule start.</param>
/// <param name="Limit">The charging limit in the schedule's unit; null (2.1 only) means this period sets no limit.</param>
public sealed record ChargingSchedulePeriod(int StartPeriod, decimal? Limit)
{
    /// <summary>Phases the limit assumes on AC; absent means 3 (capped by the EVSE's own phases).</summary>
    public int? NumberPhases { get; init; }

    /// <summary>The phase to use when <see cref="NumberPhases"/> is 1 and the EVSE can switch phases.</summary>
    public int? PhaseToUse { get; init; }

    /// <summary>2.1: the discharge limit (zero or negative): export never exceeds its magnitude.</summary>
    public decimal? DischargeLimit { get; init; }

    /// <summary>2.1: the setpoint (negative discharges), followed in <see cref="Physics.OperationMode.CentralSetpoint"/>.</summary>
    public decimal? Setpoint { get; init; }

    /// <summary>2.1: how the period's values are used; null means ChargingOnly.</summary>
    public OperationMode? OperationMode { get; init; }

    /// <summary>2.1: power in W the frequency modes add their curve's value to; null means 0.</summary>
    public decimal? V2xBaseline { get; init; }

    /// <summary>2.1: the frequency-watt curve <see cref="Physics.OperationMode.LocalFrequency"/> follows (x in Hz).</summary>
    public IReadOnlyList<V2xCurvePoint>? V2xFreqWattCurve { get; init; }

    /// <summary>2.1: the signal-watt curve <see cref="Physics.OperationMode.CentralFrequency"/> follows (x an aFRR signal).</summary>
    public IReadOnlyList<V2xCurvePoint>? V2xSignalWattCurve { get; init; }
}

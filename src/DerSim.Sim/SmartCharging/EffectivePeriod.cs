using DerSim.Sim.Physics;

namespace DerSim.Sim.SmartCharging;

/// <summary>What the charging profiles ask of an EVSE at one instant, converted to kW (OCPP signs: negative discharges).</summary>
/// <param name="Mode">The operation mode in force.</param>
/// <param name="LimitKw">The effective limit (minimum over purposes); null when none limits.</param>
/// <param name="DischargeLimitKw">The tightest discharge limit (zero or negative); null when none.</param>
/// <param name="SetpointKw">The setpoint, in CentralSetpoint only.</param>
/// <param name="NumberPhases">numberPhases of the period that sets the limit, when it has one.</param>
public sealed record EffectivePeriod(OperationMode Mode, double? LimitKw, double? DischargeLimitKw, double? SetpointKw, int? NumberPhases)
{
    /// <summary>The frequency modes' baseline in W (v2xBaseline); null means 0.</summary>
    public double? V2xBaselineW { get; init; }

    /// <summary>LocalFrequency's frequency-watt curve.</summary>
    public IReadOnlyList<V2xCurvePoint>? FreqWattCurve { get; init; }

    /// <summary>CentralFrequency's signal-watt curve.</summary>
    public IReadOnlyList<V2xCurvePoint>? SignalWattCurve { get; init; }

    /// <summary>The directive the physics follows, without grid or signal inputs: the frequency modes follow their baseline.</summary>
    public PowerDirective ToDirective() => ToDirective(null);

    /// <summary>
    /// The directive the physics follows. In LocalFrequency the setpoint is the baseline plus the frequency-watt curve
    /// at the grid's frequency; in CentralFrequency the baseline plus the signal-watt curve at the aFRR signal in
    /// force (the baseline alone before any signal).
    /// </summary>
    public PowerDirective ToDirective(V2xInputs? inputs) => new(Mode)
    {
        LimitKw = LimitKw,
        DischargeLimitKw = DischargeLimitKw,
        SetpointKw = Mode switch
        {
            OperationMode.LocalFrequency => ((V2xBaselineW ?? 0) + (FreqWattCurve is { } freq && inputs is { } i ? V2xCurve.PowerW(freq, i.FrequencyHz) : 0)) / 1000,
            OperationMode.CentralFrequency => ((V2xBaselineW ?? 0) + (SignalWattCurve is { } signal && inputs?.AfrrSignal is { } s ? V2xCurve.PowerW(signal, s) : 0)) / 1000,
            _ => SetpointKw,
        },
    };
}

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
    /// <summary>The directive the physics follows.</summary>
    public PowerDirective ToDirective() => new(Mode)
    {
        LimitKw = LimitKw,
        DischargeLimitKw = DischargeLimitKw,
        SetpointKw = SetpointKw,
    };
}

namespace DerSim.Sim.Physics;

/// <summary>
/// What smart charging asks of one port at one moment, in OCPP's signs converted to kW: the operation mode of the
/// period in force and its limit, discharge limit and setpoint. <see cref="StationPhysics"/> turns it into import or
/// export within the EV's, the port's and the negotiated energy-transfer mode's bounds.
/// </summary>
/// <param name="Mode">The operation mode in force.</param>
public sealed record PowerDirective(OperationMode Mode)
{
    /// <summary>No profile in force: charge at demand.</summary>
    public static PowerDirective Unlimited { get; } = new(OperationMode.ChargingOnly);

    /// <summary>The limit, kW: at or above 0 caps import; below 0 (ExternalLimits) asks for at least that much export. Null: none.</summary>
    public double? LimitKw { get; init; }

    /// <summary>The discharge limit, kW, zero or negative: export never exceeds its magnitude. Null: none.</summary>
    public double? DischargeLimitKw { get; init; }

    /// <summary>The setpoint, kW (CentralSetpoint): at or above 0 import, below 0 export. Null: none.</summary>
    public double? SetpointKw { get; init; }

    /// <summary>
    /// The directive a plain limit makes, as the physics took limits before operation modes: at or above 0 a charging
    /// cap; below 0 a discharge setpoint of that many kW.
    /// </summary>
    public static PowerDirective? FromLimit(double? limitKw) => limitKw switch
    {
        null => null,
        < 0 => new PowerDirective(OperationMode.CentralSetpoint) { SetpointKw = limitKw },
        _ => new PowerDirective(OperationMode.ChargingOnly) { LimitKw = limitKw },
    };
}

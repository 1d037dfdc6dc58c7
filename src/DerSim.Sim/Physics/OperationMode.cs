namespace DerSim.Sim.Physics;

/// <summary>
/// How a port uses the limits in force: OCPP 2.1's operationMode values. Import and export are separate non-negative
/// powers; a negative setpoint or limit asks for export. The physics honours <see cref="ChargingOnly"/>,
/// <see cref="CentralSetpoint"/>, <see cref="ExternalLimits"/>, <see cref="Idle"/>, <see cref="LocalFrequency"/> and
/// <see cref="CentralFrequency"/> (<see cref="OperationModes.IsHonoured"/>); <see cref="ExternalSetpoint"/> and
/// <see cref="LocalLoadBalancing"/> are accepted and kept to their limits as <see cref="ExternalLimits"/> is, since the
/// external system and the local balancer that would decide within them are not simulated.
/// </summary>
public enum OperationMode
{
    /// <summary>The EV charges at demand within the limit; the port never exports (2.1's default).</summary>
    ChargingOnly,

    /// <summary>The port follows the setpoint: at or above 0 import, below 0 export, within limit, discharge limit and the EV's and port's abilities.</summary>
    CentralSetpoint,

    /// <summary>Limit and discharge limit are bounds: the EV charges at demand up to the limit; a negative limit makes it export at least that much.</summary>
    ExternalLimits,

    /// <summary>No energy either way.</summary>
    Idle,

    /// <summary>An external system sets the setpoint within limit and dischargeLimit (the system is not simulated: the port keeps to the bounds as in <see cref="ExternalLimits"/>).</summary>
    ExternalSetpoint,

    /// <summary>The port follows v2xBaseline plus the signal-watt curve at the latest aFRR signal the CSMS sent (AFRRSignal).</summary>
    CentralFrequency,

    /// <summary>The port follows v2xBaseline plus the frequency-watt curve at the grid's frequency.</summary>
    LocalFrequency,

    /// <summary>Local load balancing decides within limit and dischargeLimit (not simulated beyond the arbiter: the port keeps to the bounds as in <see cref="ExternalLimits"/>).</summary>
    LocalLoadBalancing,
}

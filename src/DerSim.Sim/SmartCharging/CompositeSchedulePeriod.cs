using DerSim.Sim.Physics;

namespace DerSim.Sim.SmartCharging;

/// <summary>One interval of a composite schedule, in the composite's rate unit.</summary>
/// <param name="StartPeriod">Seconds from the composite's start.</param>
/// <param name="Limit">The limit; null when nothing limits and no hardware maximum is known.</param>
/// <param name="NumberPhases">Phases the limit assumes on AC; null on DC.</param>
/// <param name="OperationMode">
/// The operation mode in force on the EVSE (2.1); null for ChargingOnly, OCPP's default, and for the station (EVSE 0).
/// </param>
/// <param name="Setpoint">The CentralSetpoint setpoint (negative discharges); null otherwise.</param>
/// <param name="DischargeLimit">The tightest discharge limit in force (zero or negative); null when none.</param>
public sealed record CompositeSchedulePeriod(
    int StartPeriod,
    double? Limit,
    int? NumberPhases,
    OperationMode? OperationMode = null,
    double? Setpoint = null,
    double? DischargeLimit = null);

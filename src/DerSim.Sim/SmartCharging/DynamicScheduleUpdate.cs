namespace DerSim.Sim.SmartCharging;

/// <summary>
/// 2.1's ChargingScheduleUpdateType in the model: new values for the one period of a
/// <see cref="ChargingProfileKind.Dynamic"/> profile, in its schedule's unit. A value left out keeps the period's own.
/// </summary>
/// <param name="Limit">The new (charge) limit.</param>
/// <param name="DischargeLimit">The new discharge limit (zero or negative).</param>
/// <param name="Setpoint">The new setpoint (negative discharges).</param>
public sealed record DynamicScheduleUpdate(decimal? Limit, decimal? DischargeLimit, decimal? Setpoint);

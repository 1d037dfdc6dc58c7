namespace DerSim.Sim.SmartCharging;

/// <summary>The limits an EVSE (or the station, EVSE 0) will apply over a time window (GetCompositeSchedule).</summary>
/// <param name="EvseId">The EVSE (1.6: connector); 0 for the station.</param>
/// <param name="ScheduleStart">The window's start.</param>
/// <param name="Duration">The window's length in seconds.</param>
/// <param name="RateUnit">The unit of every period's limit.</param>
/// <param name="Periods">Adjacent intervals with distinct limits, the first at 0.</param>
public sealed record CompositeSchedule(
    int EvseId,
    DateTimeOffset ScheduleStart,
    int Duration,
    ChargingRateUnit RateUnit,
    IReadOnlyList<CompositeSchedulePeriod> Periods);

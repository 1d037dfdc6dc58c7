namespace DerSim.Sim.SmartCharging;

/// <summary>A schedule of limits: periods counted from a start point found by the profile's kind.</summary>
/// <param name="Id">The schedule id (2.x); 1.6 schedules have none and use 0.</param>
/// <param name="RateUnit">The unit of every period's limit.</param>
/// <param name="Periods">Periods in ascending <see cref="ChargingSchedulePeriod.StartPeriod"/>, the first at 0.</param>
public sealed record ChargingSchedule(int Id, ChargingRateUnit RateUnit, IReadOnlyList<ChargingSchedulePeriod> Periods)
{
    /// <summary>The fixed start of an Absolute or Recurring schedule.</summary>
    public DateTimeOffset? StartSchedule { get; init; }

    /// <summary>Seconds after the start at which the schedule ends; absent means the last period runs on.</summary>
    public int? Duration { get; init; }

    /// <summary>The lowest rate the EV accepts, in <see cref="RateUnit"/>.</summary>
    public decimal? MinChargingRate { get; init; }

    /// <summary>
    /// OCPP 2.1 K01 randomizedDelay: the most seconds the station delays the schedule's periods by, a random amount it
    /// draws once when the profile is installed (<see cref="AppliedDelay"/>), so that many stations do not switch at the
    /// same instant. Null or 0: no delay.
    /// </summary>
    public int? RandomizedDelay { get; init; }

    /// <summary>OCPP 2.1 K01 useLocalTime: the schedule's times are the station's local time (the simulated station runs on UTC).</summary>
    public bool? UseLocalTime { get; init; }

    /// <summary>The delay the station drew from <see cref="RandomizedDelay"/>: every period starts this much later. The default value is zero.</summary>
    public TimeSpan AppliedDelay { get; init; }
}

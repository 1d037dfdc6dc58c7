namespace DerSim.Sim.SmartCharging;

/// <summary>
/// Finds the period of a profile in force at an instant and the next instant it may change. Relative schedules
/// count from the transaction start, or from <c>fallbackOrigin</c> when there is no transaction (as a composite
/// schedule requested outside a transaction does).
/// </summary>
internal static class ScheduleEvaluator
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The period in force at <paramref name="at"/>, or null when the profile does not apply then.</summary>
    public static ChargingSchedulePeriod? PeriodAt(
        ChargingProfile profile, DateTimeOffset at, ChargingTransaction? tx, DateTimeOffset fallbackOrigin)
    {
        if (!profile.IsValidAt(at))
        {
            return null;
        }

        var schedule = profile.Schedule;
        var origin = OriginFor(profile, at, tx, fallbackOrigin);
        if (at < origin)
        {
            return null;
        }

        var elapsed = at - origin;
        if (schedule.Duration is { } duration && elapsed >= TimeSpan.FromSeconds(duration))
        {
            return null;
        }

        ChargingSchedulePeriod? inForce = null;
        foreach (var period in schedule.Periods)
        {
            if (TimeSpan.FromSeconds(period.StartPeriod) > elapsed)
            {
                break;
            }

            inForce = period;
        }

        return inForce;
    }

    /// <summary>The first instant after <paramref name="after"/> at which <see cref="PeriodAt"/> may answer differently.</summary>
    public static DateTimeOffset? NextChange(
        ChargingProfile profile, DateTimeOffset after, ChargingTransaction? tx, DateTimeOffset fallbackOrigin)
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset candidate)
        {
            if (candidate > after && (next is null || candidate < next))
            {
                next = candidate;
            }
        }

        if (profile.ValidFrom is { } from)
        {
            Consider(from);
        }

        if (profile.ValidTo is { } to)
        {
            Consider(to);
        }

        var schedule = profile.Schedule;
        var origin = OriginFor(profile, after, tx, fallbackOrigin);
        Consider(origin);
        foreach (var period in schedule.Periods)
        {
            Consider(origin + TimeSpan.FromSeconds(period.StartPeriod));
        }

        if (schedule.Duration is { } duration)
        {
            Consider(origin + TimeSpan.FromSeconds(duration));
        }

        if (RecurrenceInterval(profile) is { } interval)
        {
            Consider(origin + interval);
        }

        return next;
    }

    /// <summary>The start of the schedule occurrence that covers <paramref name="at"/>.</summary>
    private static DateTimeOffset OriginFor(
        ChargingProfile profile, DateTimeOffset at, ChargingTransaction? tx, DateTimeOffset fallbackOrigin)
    {
        var dynamicStart = tx?.StartedAt ?? fallbackOrigin;
        // 2.1 randomizedDelay: the station's drawn delay moves every period of the schedule later.
        var start = (profile.Kind == ChargingProfileKind.Relative
            ? dynamicStart
            : profile.Schedule.StartSchedule ?? dynamicStart) + profile.Schedule.AppliedDelay;

        if (RecurrenceInterval(profile) is not { } interval)
        {
            return start;
        }

        // The recurrence pattern holds on every day (week), before startSchedule too; validFrom bounds it.
        var occurrences = Math.DivRem((at - start).Ticks, interval.Ticks, out var remainder);
        if (remainder < 0)
        {
            occurrences--;
        }

        return start + TimeSpan.FromTicks(occurrences * interval.Ticks);
    }

    private static TimeSpan? RecurrenceInterval(ChargingProfile profile) =>
        profile.Kind != ChargingProfileKind.Recurring ? null
        : profile.Recurrency == RecurrencyKind.Weekly ? Week
        : Day;
}

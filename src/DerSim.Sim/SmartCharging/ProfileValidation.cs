namespace DerSim.Sim.SmartCharging;

/// <summary>The checks on a profile's own content before it is installed (the store checks the transaction).</summary>
internal static class ProfileValidation
{
    public static ProfileInstallResult? Check(int evseId, ChargingProfile profile, SmartChargingRules rules)
    {
        switch (profile.Purpose)
        {
            case ChargingProfilePurpose.ChargingStationMax when evseId != 0:
                return Reject(ProfileRejection.InvalidEvse, "A station-max profile applies to EVSE 0 only.");
            case ChargingProfilePurpose.ChargingStationMax when rules.StrictStartSchedule && profile.Kind == ChargingProfileKind.Relative:
                return Reject(ProfileRejection.InvalidSchedule, "A station-max profile cannot be Relative.");
            case ChargingProfilePurpose.Tx when evseId == 0:
                return Reject(ProfileRejection.InvalidEvse, "A TxProfile needs an EVSE above 0.");
        }

        if (profile.ValidFrom is { } from && profile.ValidTo is { } to && to <= from)
        {
            return Reject(ProfileRejection.InvalidValidity, "validTo is not after validFrom.");
        }

        if (profile.Schedules.Count == 0)
        {
            return Reject(ProfileRejection.InvalidSchedule, "The profile has no schedule.");
        }

        if (profile.Kind == ChargingProfileKind.Recurring && profile.Recurrency is null && rules.StrictStartSchedule)
        {
            return Reject(ProfileRejection.InvalidSchedule, "A Recurring profile needs a recurrencyKind.");
        }

        foreach (var schedule in profile.Schedules)
        {
            if (CheckSchedule(profile.Kind, schedule, rules) is { } bad)
            {
                return bad;
            }
        }

        return null;
    }

    private static ProfileInstallResult? CheckSchedule(ChargingProfileKind kind, ChargingSchedule schedule, SmartChargingRules rules)
    {
        if (schedule.Periods.Count == 0)
        {
            return Reject(ProfileRejection.InvalidSchedule, "The schedule has no periods.");
        }

        if (schedule.Periods[0].StartPeriod != 0)
        {
            return Reject(ProfileRejection.InvalidSchedule, "The first period must start at 0.");
        }

        for (var i = 1; i < schedule.Periods.Count; i++)
        {
            if (schedule.Periods[i].StartPeriod <= schedule.Periods[i - 1].StartPeriod)
            {
                return Reject(ProfileRejection.InvalidSchedule, "Periods must start in increasing order.");
            }
        }

        if (schedule.Duration is < 0)
        {
            return Reject(ProfileRejection.InvalidSchedule, "The duration is negative.");
        }

        if (rules.Bidirectional)
        {
            foreach (var period in schedule.Periods)
            {
                if (PeriodChecks.Check(period) is { } bad)
                {
                    return bad;
                }
            }
        }

        if (!rules.StrictStartSchedule)
        {
            return null;
        }

        return kind switch
        {
            ChargingProfileKind.Absolute or ChargingProfileKind.Recurring when schedule.StartSchedule is null =>
                Reject(ProfileRejection.InvalidSchedule, $"A {kind} schedule needs a startSchedule."),
            ChargingProfileKind.Relative when schedule.StartSchedule is not null =>
                Reject(ProfileRejection.InvalidSchedule, "A Relative schedule must not have a startSchedule."),
            _ => null,
        };
    }

    private static ProfileInstallResult Reject(ProfileRejection reason, string detail) =>
        ProfileInstallResult.Reject(reason, detail);
}

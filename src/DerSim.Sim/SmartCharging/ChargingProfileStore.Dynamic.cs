namespace DerSim.Sim.SmartCharging;

public sealed partial class ChargingProfileStore
{
    /// <summary>
    /// Applies new values to the period of the Dynamic profile <paramref name="profileId"/> (OCPP 2.1 dynamic schedules:
    /// UpdateDynamicSchedule pushed by the CSMS, or the answer to PullDynamicScheduleUpdate). Rejected when
    /// no Dynamic profile has the id, or when the updated period no longer agrees with its operation mode.
    /// </summary>
    public ProfileInstallResult UpdateDynamic(int profileId, DynamicScheduleUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var index = _profiles.FindIndex(p => p.Id == profileId && p.Kind == ChargingProfileKind.Dynamic);
            if (index < 0)
            {
                return ProfileInstallResult.Reject(ProfileRejection.UnknownDynamicProfile, $"No Dynamic charging profile has id {profileId}.");
            }

            var profile = _profiles[index];
            var schedule = profile.Schedule;
            // A Dynamic schedule has one period, whose values the updates replace.
            var period = schedule.Periods[0];
            var updated = period with
            {
                Limit = update.Limit ?? period.Limit,
                DischargeLimit = update.DischargeLimit ?? period.DischargeLimit,
                Setpoint = update.Setpoint ?? period.Setpoint,
            };
            if (PeriodChecks.Check(updated) is { } inconsistent)
            {
                return inconsistent;
            }

            _profiles[index] = profile with
            {
                Schedules = [schedule with { Periods = [updated, .. schedule.Periods.Skip(1)] }, .. profile.Schedules.Skip(1)],
            };
            Revision++;
            return ProfileInstallResult.Accepted;
        }
    }

    /// <summary>The installed Dynamic profile <paramref name="profileId"/>, or null.</summary>
    public ChargingProfile? DynamicProfile(int profileId)
    {
        lock (_gate)
        {
            return _profiles.Find(p => p.Id == profileId && p.Kind == ChargingProfileKind.Dynamic);
        }
    }
}

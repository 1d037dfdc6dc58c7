using System.Globalization;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Sim.SmartCharging;

/// <summary>Conversions between the smart-charging model and OCPP 1.6 messages (connector ids are EVSE ids).</summary>
public static class V16SmartCharging
{
    /// <summary>The model of a SetChargingProfile request's profile, on its connector.</summary>
    public static ChargingProfile FromV16(V16.SetChargingProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FromV16(request.CsChargingProfiles, request.ConnectorId);
    }

    /// <summary>The model of a 1.6 csChargingProfiles installed on <paramref name="connectorId"/> (0 = charge point).</summary>
    public static ChargingProfile FromV16(V16.ChargingProfile profile, int connectorId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var s = profile.ChargingSchedule;
        var schedule = new ChargingSchedule(
            0,
            FromV16(s.ChargingRateUnit),
            [.. s.ChargingSchedulePeriod.Select(p => new ChargingSchedulePeriod(p.StartPeriod, p.Limit) { NumberPhases = p.NumberPhases })])
        {
            StartSchedule = s.StartSchedule,
            Duration = s.Duration,
            MinChargingRate = s.MinChargingRate,
        };

        return new ChargingProfile(
            profile.ChargingProfileId,
            profile.StackLevel,
            profile.ChargingProfilePurpose switch
            {
                V16.ChargingProfilePurpose.ChargePointMaxProfile => ChargingProfilePurpose.ChargingStationMax,
                V16.ChargingProfilePurpose.TxDefaultProfile => ChargingProfilePurpose.TxDefault,
                _ => ChargingProfilePurpose.Tx,
            },
            profile.ChargingProfileKind switch
            {
                V16.ChargingProfileKind.Absolute => ChargingProfileKind.Absolute,
                V16.ChargingProfileKind.Recurring => ChargingProfileKind.Recurring,
                _ => ChargingProfileKind.Relative,
            },
            [schedule])
        {
            EvseId = connectorId,
            Recurrency = profile.RecurrencyKind switch
            {
                V16.RecurrencyKind.Daily => RecurrencyKind.Daily,
                V16.RecurrencyKind.Weekly => RecurrencyKind.Weekly,
                _ => null,
            },
            ValidFrom = profile.ValidFrom,
            ValidTo = profile.ValidTo,
            TransactionId = profile.TransactionId?.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// The 1.6 form of a profile (its first schedule).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The purpose does not exist in 1.6, the transaction id is not an integer, or a period has no limit.
    /// </exception>
    public static V16.ChargingProfile ToV16(ChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var s = profile.Schedule;
        int? transactionId = null;
        if (profile.TransactionId is { } text)
        {
            transactionId = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? id
                : throw new ArgumentException($"Transaction id '{text}' is not a 1.6 integer id.", nameof(profile));
        }

        return new V16.ChargingProfile(
            profile.Id,
            profile.StackLevel,
            profile.Purpose switch
            {
                ChargingProfilePurpose.ChargingStationMax => V16.ChargingProfilePurpose.ChargePointMaxProfile,
                ChargingProfilePurpose.TxDefault => V16.ChargingProfilePurpose.TxDefaultProfile,
                ChargingProfilePurpose.Tx => V16.ChargingProfilePurpose.TxProfile,
                _ => throw new ArgumentException($"OCPP 1.6 has no {profile.Purpose} profiles.", nameof(profile)),
            },
            profile.Kind switch
            {
                ChargingProfileKind.Recurring => V16.ChargingProfileKind.Recurring,
                ChargingProfileKind.Relative => V16.ChargingProfileKind.Relative,
                _ => V16.ChargingProfileKind.Absolute,
            },
            new V16.ChargingSchedule(
                ToV16(s.RateUnit),
                [.. s.Periods.Select(p => new V16.ChargingSchedulePeriod(p.StartPeriod, p.Limit ?? throw NoLimit(p)) { NumberPhases = p.NumberPhases })])
            {
                StartSchedule = s.StartSchedule,
                Duration = s.Duration,
                MinChargingRate = s.MinChargingRate,
            })
        {
            TransactionId = transactionId,
            RecurrencyKind = profile.Recurrency switch
            {
                RecurrencyKind.Daily => V16.RecurrencyKind.Daily,
                RecurrencyKind.Weekly => V16.RecurrencyKind.Weekly,
                _ => null,
            },
            ValidFrom = profile.ValidFrom,
            ValidTo = profile.ValidTo,
        };
    }

    /// <summary>The selection a ClearChargingProfile request makes: by id, or by connector, purpose and stack level.</summary>
    public static ChargingProfileQuery FromV16(V16.ClearChargingProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Id is { } id
            ? ChargingProfileQuery.ById(id)
            : new ChargingProfileQuery
            {
                EvseId = request.ConnectorId,
                Purpose = request.ChargingProfilePurpose switch
                {
                    V16.ChargingProfilePurpose.ChargePointMaxProfile => ChargingProfilePurpose.ChargingStationMax,
                    V16.ChargingProfilePurpose.TxDefaultProfile => ChargingProfilePurpose.TxDefault,
                    V16.ChargingProfilePurpose.TxProfile => ChargingProfilePurpose.Tx,
                    _ => null,
                },
                StackLevel = request.StackLevel,
            };
    }

    /// <summary>The SetChargingProfile answer for an install result.</summary>
    public static V16.SetChargingProfileResponse ToV16(ProfileInstallResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.IsAccepted ? V16.SetChargingProfileStatus.Accepted : V16.SetChargingProfileStatus.Rejected);
    }

    /// <summary>The ClearChargingProfile answer for a clear result.</summary>
    public static V16.ClearChargingProfileResponse ToV16(ProfileClearStatus status) =>
        new(status == ProfileClearStatus.Accepted ? V16.ClearChargingProfileStatus.Accepted : V16.ClearChargingProfileStatus.Unknown);

    /// <summary>The accepted GetCompositeSchedule answer carrying <paramref name="schedule"/>.</summary>
    public static V16.GetCompositeScheduleResponse ToV16(CompositeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new V16.GetCompositeScheduleResponse(V16.GetCompositeScheduleStatus.Accepted)
        {
            ConnectorId = schedule.EvseId,
            ScheduleStart = schedule.ScheduleStart,
            ChargingSchedule = new V16.ChargingSchedule(
                ToV16(schedule.RateUnit),
                [.. schedule.Periods.Select(p => new V16.ChargingSchedulePeriod(p.StartPeriod, LimitDecimal.Required(p)) { NumberPhases = p.NumberPhases })])
            {
                StartSchedule = schedule.ScheduleStart,
                Duration = schedule.Duration,
            },
        };
    }

    private static ArgumentException NoLimit(ChargingSchedulePeriod period) =>
        new($"The period at {period.StartPeriod} s has no limit, which OCPP 1.6 requires.", nameof(period));

    /// <summary>The model unit of a 1.6 unit.</summary>
    public static ChargingRateUnit FromV16(V16.ChargingRateUnit unit) =>
        unit == V16.ChargingRateUnit.A ? ChargingRateUnit.A : ChargingRateUnit.W;

    /// <summary>The 1.6 unit of a model unit.</summary>
    public static V16.ChargingRateUnit ToV16(ChargingRateUnit unit) =>
        unit == ChargingRateUnit.A ? V16.ChargingRateUnit.A : V16.ChargingRateUnit.W;
}

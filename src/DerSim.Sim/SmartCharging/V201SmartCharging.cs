using V201 = DerSim.Sim.Ocpp.V201;

namespace DerSim.Sim.SmartCharging;

/// <summary>Conversions between the smart-charging model and OCPP 2.0.1 messages.</summary>
public static class V201SmartCharging
{
    /// <summary>The model of a SetChargingProfile request's profile, on its EVSE.</summary>
    public static ChargingProfile FromV201(V201.SetChargingProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FromV201(request.ChargingProfile, request.EvseId);
    }

    /// <summary>The model of a 2.0.1 profile installed on <paramref name="evseId"/> (0 = station).</summary>
    public static ChargingProfile FromV201(V201.ChargingProfileType profile, int evseId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ChargingProfile(
            profile.Id,
            profile.StackLevel,
            FromV201(profile.ChargingProfilePurpose),
            profile.ChargingProfileKind switch
            {
                V201.ChargingProfileKindEnumType.Absolute => ChargingProfileKind.Absolute,
                V201.ChargingProfileKindEnumType.Recurring => ChargingProfileKind.Recurring,
                _ => ChargingProfileKind.Relative,
            },
            [.. profile.ChargingSchedule.Select(FromV201)])
        {
            EvseId = evseId,
            Recurrency = profile.RecurrencyKind switch
            {
                V201.RecurrencyKindEnumType.Daily => RecurrencyKind.Daily,
                V201.RecurrencyKindEnumType.Weekly => RecurrencyKind.Weekly,
                _ => null,
            },
            ValidFrom = profile.ValidFrom,
            ValidTo = profile.ValidTo,
            TransactionId = profile.TransactionId,
        };
    }

    /// <summary>The 2.0.1 form of a profile (SetChargingProfile, ReportChargingProfiles).</summary>
    /// <exception cref="ArgumentException">The purpose or kind does not exist in 2.0.1, or a period has no limit.</exception>
    public static V201.ChargingProfileType ToV201(ChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new V201.ChargingProfileType(
            profile.Id,
            profile.StackLevel,
            ToV201(profile.Purpose),
            profile.Kind switch
            {
                ChargingProfileKind.Absolute => V201.ChargingProfileKindEnumType.Absolute,
                ChargingProfileKind.Recurring => V201.ChargingProfileKindEnumType.Recurring,
                ChargingProfileKind.Relative => V201.ChargingProfileKindEnumType.Relative,
                _ => throw new ArgumentException($"OCPP 2.0.1 has no {profile.Kind} profiles.", nameof(profile)),
            },
            [.. profile.Schedules.Select(ToV201)])
        {
            RecurrencyKind = profile.Recurrency switch
            {
                RecurrencyKind.Daily => V201.RecurrencyKindEnumType.Daily,
                RecurrencyKind.Weekly => V201.RecurrencyKindEnumType.Weekly,
                _ => null,
            },
            ValidFrom = profile.ValidFrom,
            ValidTo = profile.ValidTo,
            TransactionId = profile.TransactionId,
        };
    }

    /// <summary>The selection a ClearChargingProfile request makes: by id, else by its criteria.</summary>
    public static ChargingProfileQuery FromV201(V201.ClearChargingProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ChargingProfileId is { } id)
        {
            return ChargingProfileQuery.ById(id);
        }

        var criteria = request.ChargingProfileCriteria;
        return new ChargingProfileQuery
        {
            EvseId = criteria?.EvseId,
            Purpose = criteria?.ChargingProfilePurpose is { } purpose ? FromV201(purpose) : null,
            StackLevel = criteria?.StackLevel,
        };
    }

    /// <summary>The selection a GetChargingProfiles request makes.</summary>
    public static ChargingProfileQuery FromV201(V201.GetChargingProfilesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var criteria = request.ChargingProfile;
        return new ChargingProfileQuery
        {
            EvseId = request.EvseId,
            Ids = criteria.ChargingProfileId,
            Purpose = criteria.ChargingProfilePurpose is { } purpose ? FromV201(purpose) : null,
            StackLevel = criteria.StackLevel,
            Sources = criteria.ChargingLimitSource?.Select(s => s.ToString()).ToList(),
        };
    }

    /// <summary>The SetChargingProfile answer for an install result, with a reasonCode when rejected.</summary>
    public static V201.SetChargingProfileResponse ToV201(ProfileInstallResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsAccepted
            ? new(V201.ChargingProfileStatusEnumType.Accepted)
            : new(V201.ChargingProfileStatusEnumType.Rejected)
            {
                StatusInfo = new V201.StatusInfoType(result.ReasonCode!) { AdditionalInfo = Truncate(result.Detail, 512) },
            };
    }

    /// <summary>The ClearChargingProfile answer for a clear result.</summary>
    public static V201.ClearChargingProfileResponse ToV201(ProfileClearStatus status) =>
        new(status == ProfileClearStatus.Accepted
            ? V201.ClearChargingProfileStatusEnumType.Accepted
            : V201.ClearChargingProfileStatusEnumType.Unknown);

    /// <summary>The GetChargingProfiles answer: Accepted when there is something to report, else NoProfiles.</summary>
    public static V201.GetChargingProfilesResponse ToV201GetResponse(IReadOnlyCollection<ChargingProfile> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        return new(found.Count > 0
            ? V201.GetChargingProfileStatusEnumType.Accepted
            : V201.GetChargingProfileStatusEnumType.NoProfiles);
    }

    /// <summary>
    /// The ReportChargingProfiles requests for <paramref name="found"/>: one per EVSE and source, every one but the
    /// last marked tbc. Empty when nothing was found.
    /// </summary>
    public static IReadOnlyList<V201.ReportChargingProfilesRequest> ToV201Reports(int requestId, IReadOnlyCollection<ChargingProfile> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var groups = found.GroupBy(p => (p.EvseId, Source: ChargingProfileStore.SourceOf(p))).ToList();
        return [.. groups.Select((g, i) => new V201.ReportChargingProfilesRequest(
            requestId,
            Enum.Parse<V201.ChargingLimitSourceEnumType>(g.Key.Source),
            [.. g.Select(ToV201)],
            g.Key.EvseId)
        {
            Tbc = i < groups.Count - 1 ? true : null,
        })];
    }

    /// <summary>The composite schedule in 2.0.1 form.</summary>
    /// <exception cref="InvalidOperationException">A period has no limit (no <see cref="ElectricalContext.MaxKw"/> was given).</exception>
    public static V201.CompositeScheduleType ToV201(CompositeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new V201.CompositeScheduleType(
            [.. schedule.Periods.Select(p => new V201.ChargingSchedulePeriodType(p.StartPeriod, LimitDecimal.Required(p)) { NumberPhases = p.NumberPhases })],
            schedule.EvseId,
            schedule.Duration,
            schedule.ScheduleStart,
            ToV201(schedule.RateUnit));
    }

    /// <summary>The accepted GetCompositeSchedule answer carrying <paramref name="schedule"/>.</summary>
    public static V201.GetCompositeScheduleResponse ToV201Response(CompositeSchedule schedule) =>
        new(V201.GenericStatusEnumType.Accepted) { Schedule = ToV201(schedule) };

    /// <summary>The model purpose of a 2.0.1 purpose.</summary>
    public static ChargingProfilePurpose FromV201(V201.ChargingProfilePurposeEnumType purpose) => purpose switch
    {
        V201.ChargingProfilePurposeEnumType.ChargingStationMaxProfile => ChargingProfilePurpose.ChargingStationMax,
        V201.ChargingProfilePurposeEnumType.TxDefaultProfile => ChargingProfilePurpose.TxDefault,
        V201.ChargingProfilePurposeEnumType.TxProfile => ChargingProfilePurpose.Tx,
        _ => ChargingProfilePurpose.ChargingStationExternalConstraints,
    };

    /// <summary>The 2.0.1 purpose of a model purpose.</summary>
    /// <exception cref="ArgumentException">2.1-only purposes.</exception>
    public static V201.ChargingProfilePurposeEnumType ToV201(ChargingProfilePurpose purpose) => purpose switch
    {
        ChargingProfilePurpose.ChargingStationMax => V201.ChargingProfilePurposeEnumType.ChargingStationMaxProfile,
        ChargingProfilePurpose.TxDefault => V201.ChargingProfilePurposeEnumType.TxDefaultProfile,
        ChargingProfilePurpose.Tx => V201.ChargingProfilePurposeEnumType.TxProfile,
        ChargingProfilePurpose.ChargingStationExternalConstraints => V201.ChargingProfilePurposeEnumType.ChargingStationExternalConstraints,
        _ => throw new ArgumentException($"OCPP 2.0.1 has no {purpose} profiles.", nameof(purpose)),
    };

    /// <summary>The model unit of a 2.0.1 unit.</summary>
    public static ChargingRateUnit FromV201(V201.ChargingRateUnitEnumType unit) =>
        unit == V201.ChargingRateUnitEnumType.A ? ChargingRateUnit.A : ChargingRateUnit.W;

    /// <summary>The 2.0.1 unit of a model unit.</summary>
    public static V201.ChargingRateUnitEnumType ToV201(ChargingRateUnit unit) =>
        unit == ChargingRateUnit.A ? V201.ChargingRateUnitEnumType.A : V201.ChargingRateUnitEnumType.W;

    private static ChargingSchedule FromV201(V201.ChargingScheduleType s) =>
        new(s.Id, FromV201(s.ChargingRateUnit),
            [.. s.ChargingSchedulePeriod.Select(p => new ChargingSchedulePeriod(p.StartPeriod, p.Limit)
            {
                NumberPhases = p.NumberPhases,
                PhaseToUse = p.PhaseToUse,
            })])
        {
            StartSchedule = s.StartSchedule,
            Duration = s.Duration,
            MinChargingRate = s.MinChargingRate,
        };

    private static V201.ChargingScheduleType ToV201(ChargingSchedule s) =>
        new(s.Id, ToV201(s.RateUnit),
            [.. s.Periods.Select(p => new V201.ChargingSchedulePeriodType(
                p.StartPeriod,
                p.Limit ?? throw new ArgumentException($"The period at {p.StartPeriod} s has no limit, which OCPP 2.0.1 requires.", nameof(s)))
            {
                NumberPhases = p.NumberPhases,
                PhaseToUse = p.PhaseToUse,
            })])
        {
            StartSchedule = s.StartSchedule,
            Duration = s.Duration,
            MinChargingRate = s.MinChargingRate,
        };

    private static string? Truncate(string? text, int max) =>
        text is null || text.Length <= max ? text : text[..max];
}

using DerSim.Ocpp.Dialects;
using DerSim.Sim.Physics;
using DerSim.Ocpp;
using V21 = DerSim.Ocpp.V21;

namespace DerSim.Sim.SmartCharging;

/// <summary>
/// Conversions between the smart-charging model and OCPP 2.x messages (2.0.1 and 2.1, both in the 2.1 types; a 2.0.1
/// peer never sends what only 2.1 has, the validator sees to that). The model keeps 2.1's purposes, Dynamic kind,
/// discharge limits, setpoints and operation modes; per-phase values (limit_L2, …), V2X curves and price schedules are not modelled.
/// </summary>
public static class Ocpp2SmartCharging
{
    /// <summary>The model of a SetChargingProfile request's profile, on its EVSE.</summary>
    public static ChargingProfile FromOcpp2(V21.SetChargingProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FromOcpp2(request.ChargingProfile, request.EvseId);
    }

    /// <summary>The model of a 2.x profile installed on <paramref name="evseId"/> (0 = station).</summary>
    public static ChargingProfile FromOcpp2(V21.ChargingProfileType profile, int evseId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ChargingProfile(
            profile.Id,
            profile.StackLevel,
            FromOcpp2(profile.ChargingProfilePurpose),
            NameMatch.Of<V21.ChargingProfileKindEnumType, ChargingProfileKind>(profile.ChargingProfileKind),
            [.. profile.ChargingSchedule.Select(FromOcpp2)])
        {
            EvseId = evseId,
            Recurrency = profile.RecurrencyKind switch
            {
                V21.RecurrencyKindEnumType.Daily => RecurrencyKind.Daily,
                V21.RecurrencyKindEnumType.Weekly => RecurrencyKind.Weekly,
                _ => null,
            },
            ValidFrom = profile.ValidFrom,
            ValidTo = profile.ValidTo,
            TransactionId = profile.TransactionId,
            MaxOfflineDuration = profile.MaxOfflineDuration,
            InvalidAfterOfflineDuration = profile.InvalidAfterOfflineDuration ?? false,
            DynUpdateInterval = profile.DynUpdateInterval is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
    }

    /// <summary>The 2.x form of a profile (SetChargingProfile, ReportChargingProfiles).</summary>
    public static V21.ChargingProfileType ToOcpp2(ChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new V21.ChargingProfileType(
            profile.Id,
            profile.StackLevel,
            ToOcpp2(profile.Purpose),
            NameMatch.Of<ChargingProfileKind, V21.ChargingProfileKindEnumType>(profile.Kind),
            [.. profile.Schedules.Select(ToOcpp2)])
        {
            RecurrencyKind = profile.Recurrency switch
            {
                RecurrencyKind.Daily => V21.RecurrencyKindEnumType.Daily,
                RecurrencyKind.Weekly => V21.RecurrencyKindEnumType.Weekly,
                _ => null,
            },
            ValidFrom = profile.ValidFrom,
            ValidTo = profile.ValidTo,
            TransactionId = profile.TransactionId,
            MaxOfflineDuration = profile.MaxOfflineDuration,
            InvalidAfterOfflineDuration = profile.InvalidAfterOfflineDuration ? true : null,
            DynUpdateInterval = profile.DynUpdateInterval is { } interval ? (int)interval.TotalSeconds : null,
        };
    }

    /// <summary>The selection a ClearChargingProfile request makes: by id, else by its criteria.</summary>
    public static ChargingProfileQuery FromOcpp2(V21.ClearChargingProfileRequest request)
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
            Purpose = criteria?.ChargingProfilePurpose is { } purpose ? FromOcpp2(purpose) : null,
            StackLevel = criteria?.StackLevel,
        };
    }

    /// <summary>The selection a GetChargingProfiles request makes.</summary>
    public static ChargingProfileQuery FromOcpp2(V21.GetChargingProfilesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var criteria = request.ChargingProfile;
        return new ChargingProfileQuery
        {
            EvseId = request.EvseId,
            Ids = criteria.ChargingProfileId,
            Purpose = criteria.ChargingProfilePurpose is { } purpose ? FromOcpp2(purpose) : null,
            StackLevel = criteria.StackLevel,
            Sources = criteria.ChargingLimitSource,
        };
    }

    /// <summary>The SetChargingProfile answer for an install result, with a reasonCode when rejected (its text cut to the version's length).</summary>
    public static V21.SetChargingProfileResponse ToOcpp2(ProfileInstallResult result, Ocpp2Dialect dialect)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(dialect);
        return result.IsAccepted
            ? new(V21.ChargingProfileStatusEnumType.Accepted)
            : new(V21.ChargingProfileStatusEnumType.Rejected)
            {
                StatusInfo = new V21.StatusInfoType(result.ReasonCode!) { AdditionalInfo = dialect.StatusInfoText(result.Detail) },
            };
    }

    /// <summary>The ClearChargingProfile answer for a clear result.</summary>
    public static V21.ClearChargingProfileResponse ToOcpp2(ProfileClearStatus status) =>
        new(status == ProfileClearStatus.Accepted
            ? V21.ClearChargingProfileStatusEnumType.Accepted
            : V21.ClearChargingProfileStatusEnumType.Unknown);

    /// <summary>The GetChargingProfiles answer: Accepted when there is something to report, else NoProfiles.</summary>
    public static V21.GetChargingProfilesResponse ToOcpp2GetResponse(IReadOnlyCollection<ChargingProfile> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        return new(found.Count > 0
            ? V21.GetChargingProfileStatusEnumType.Accepted
            : V21.GetChargingProfileStatusEnumType.NoProfiles);
    }

    /// <summary>
    /// The ReportChargingProfiles requests for <paramref name="found"/>: one per EVSE and source, every one but the
    /// last marked tbc. Empty when nothing was found.
    /// </summary>
    public static IReadOnlyList<V21.ReportChargingProfilesRequest> ToOcpp2Reports(int requestId, IReadOnlyCollection<ChargingProfile> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var groups = found.GroupBy(p => (p.EvseId, Source: ChargingProfileStore.SourceOf(p))).ToList();
        return [.. groups.Select((g, i) => new V21.ReportChargingProfilesRequest(
            requestId,
            g.Key.Source,
            [.. g.Select(ToOcpp2)],
            g.Key.EvseId)
        {
            Tbc = i < groups.Count - 1 ? true : null,
        })];
    }

    /// <summary>
    /// The composite schedule in 2.x form. A period without a limit leaves it out where the version allows (2.1);
    /// 2.0.1 requires one. Operation mode, setpoint and discharge limit appear where the periods in force set them (a
    /// missing operationMode is ChargingOnly; only 2.1 profiles set them).
    /// </summary>
    /// <exception cref="InvalidOperationException">A 2.0.1 period has no limit (no <see cref="ElectricalContext.MaxKw"/> was given).</exception>
    public static V21.CompositeScheduleType ToOcpp2(CompositeSchedule schedule, Ocpp2Dialect dialect)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(dialect);
        return new V21.CompositeScheduleType(
            schedule.EvseId,
            schedule.Duration,
            schedule.ScheduleStart,
            ToOcpp2(schedule.RateUnit),
            [.. schedule.Periods.Select(p => new V21.ChargingSchedulePeriodType(p.StartPeriod)
            {
                Limit = dialect.RequiresPeriodLimit ? LimitDecimal.Required(p) : p.Limit is { } limit ? LimitDecimal.FromComputed(limit) : null,
                NumberPhases = p.NumberPhases,
                OperationMode = p.OperationMode is { } mode ? ToOcpp2(mode) : null,
                Setpoint = p.Setpoint is { } setpoint ? LimitDecimal.TowardZero(setpoint) : null,
                DischargeLimit = p.DischargeLimit is { } discharge ? LimitDecimal.TowardZero(discharge) : null,
            })]);
    }

    /// <summary>The accepted GetCompositeSchedule answer carrying <paramref name="schedule"/>.</summary>
    public static V21.GetCompositeScheduleResponse ToOcpp2Response(CompositeSchedule schedule, Ocpp2Dialect dialect) =>
        new(V21.GenericStatusEnumType.Accepted) { Schedule = ToOcpp2(schedule, dialect) };

    /// <summary>The model purpose of a 2.x purpose.</summary>
    public static ChargingProfilePurpose FromOcpp2(V21.ChargingProfilePurposeEnumType purpose) => purpose switch
    {
        V21.ChargingProfilePurposeEnumType.ChargingStationMaxProfile => ChargingProfilePurpose.ChargingStationMax,
        V21.ChargingProfilePurposeEnumType.TxDefaultProfile => ChargingProfilePurpose.TxDefault,
        V21.ChargingProfilePurposeEnumType.TxProfile => ChargingProfilePurpose.Tx,
        V21.ChargingProfilePurposeEnumType.PriorityCharging => ChargingProfilePurpose.PriorityCharging,
        V21.ChargingProfilePurposeEnumType.LocalGeneration => ChargingProfilePurpose.LocalGeneration,
        _ => ChargingProfilePurpose.ChargingStationExternalConstraints,
    };

    /// <summary>The 2.x purpose of a model purpose.</summary>
    public static V21.ChargingProfilePurposeEnumType ToOcpp2(ChargingProfilePurpose purpose) => purpose switch
    {
        ChargingProfilePurpose.ChargingStationMax => V21.ChargingProfilePurposeEnumType.ChargingStationMaxProfile,
        ChargingProfilePurpose.TxDefault => V21.ChargingProfilePurposeEnumType.TxDefaultProfile,
        ChargingProfilePurpose.Tx => V21.ChargingProfilePurposeEnumType.TxProfile,
        ChargingProfilePurpose.ChargingStationExternalConstraints => V21.ChargingProfilePurposeEnumType.ChargingStationExternalConstraints,
        ChargingProfilePurpose.PriorityCharging => V21.ChargingProfilePurposeEnumType.PriorityCharging,
        _ => V21.ChargingProfilePurposeEnumType.LocalGeneration,
    };

    /// <summary>The model unit of a 2.x unit.</summary>
    public static ChargingRateUnit FromOcpp2(V21.ChargingRateUnitEnumType unit) =>
        unit == V21.ChargingRateUnitEnumType.A ? ChargingRateUnit.A : ChargingRateUnit.W;

    /// <summary>The 2.x unit of a model unit.</summary>
    public static V21.ChargingRateUnitEnumType ToOcpp2(ChargingRateUnit unit) =>
        unit == ChargingRateUnit.A ? V21.ChargingRateUnitEnumType.A : V21.ChargingRateUnitEnumType.W;

    private static ChargingSchedule FromOcpp2(V21.ChargingScheduleType s) =>
        new(s.Id, FromOcpp2(s.ChargingRateUnit),
            [.. s.ChargingSchedulePeriod.Select(p => new ChargingSchedulePeriod(p.StartPeriod, p.Limit)
            {
                NumberPhases = p.NumberPhases,
                PhaseToUse = p.PhaseToUse,
                DischargeLimit = p.DischargeLimit,
                Setpoint = p.Setpoint,
                OperationMode = p.OperationMode is { } mode ? FromOcpp2(mode) : null,
                V2xBaseline = p.V2xBaseline,
                V2xFreqWattCurve = p.V2xFreqWattCurve is { } freq ? [.. freq.Select(f => new V2xCurvePoint(f.Frequency, f.Power))] : null,
                V2xSignalWattCurve = p.V2xSignalWattCurve is { } signal ? [.. signal.Select(f => new V2xCurvePoint(f.Signal, f.Power))] : null,
            })])
        {
            StartSchedule = s.StartSchedule,
            Duration = s.Duration,
            MinChargingRate = s.MinChargingRate,
            RandomizedDelay = s.RandomizedDelay,
            UseLocalTime = s.UseLocalTime,
        };

    private static V21.ChargingScheduleType ToOcpp2(ChargingSchedule s) =>
        new(s.Id, ToOcpp2(s.RateUnit),
            [.. s.Periods.Select(p => new V21.ChargingSchedulePeriodType(p.StartPeriod)
            {
                Limit = p.Limit,
                NumberPhases = p.NumberPhases,
                PhaseToUse = p.PhaseToUse,
                DischargeLimit = p.DischargeLimit,
                Setpoint = p.Setpoint,
                OperationMode = p.OperationMode is { } mode ? ToOcpp2(mode) : null,
                V2xBaseline = p.V2xBaseline,
                V2xFreqWattCurve = p.V2xFreqWattCurve is { } freq ? [.. freq.Select(f => new V21.V2XFreqWattPointType(f.X, f.PowerW))] : null,
                V2xSignalWattCurve = p.V2xSignalWattCurve is { } signal ? [.. signal.Select(f => new V21.V2XSignalWattPointType((int)f.X, f.PowerW))] : null,
            })])
        {
            StartSchedule = s.StartSchedule,
            Duration = s.Duration,
            MinChargingRate = s.MinChargingRate,
            RandomizedDelay = s.RandomizedDelay,
            UseLocalTime = s.UseLocalTime,
        };

    /// <summary>The model operation mode of a 2.1 one.</summary>
    public static OperationMode FromOcpp2(V21.OperationModeEnumType mode) => NameMatch.Of<V21.OperationModeEnumType, OperationMode>(mode);

    /// <summary>The 2.1 operation mode of a model one.</summary>
    public static V21.OperationModeEnumType ToOcpp2(OperationMode mode) => NameMatch.Of<OperationMode, V21.OperationModeEnumType>(mode);
}

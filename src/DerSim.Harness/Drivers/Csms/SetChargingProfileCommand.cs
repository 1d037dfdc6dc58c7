using System.Globalization;
using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// SetChargingProfile: a profile limiting an EVSE (0: the station) to a power (W) or current (A), on every version. By
/// default a Relative profile at stack level 0 with one period from the start; the optional properties give the rest
/// of a profile (kind, recurrency, validity, start, duration, several periods, stack level) as the conformance cases
/// ask for it.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="Purpose">TxProfile, TxDefaultProfile or ChargingStationMaxProfile.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id).</param>
/// <param name="LimitW">The limit in W; null for a limit in A.</param>
/// <param name="LimitA">The limit in A, when <paramref name="LimitW"/> is null.</param>
/// <param name="TransactionId">The transaction a TxProfile is for, as the station reported it.</param>
/// <param name="ProfileId">The charging profile id.</param>
public sealed record SetChargingProfileCommand(string StationId, OcppVersion Version, string Purpose, int EvseId, decimal? LimitW, decimal? LimitA = null, string? TransactionId = null, int ProfileId = 1)
    : CsmsCommand(StationId, Version)
{
    /// <summary>The stack level. The default value is 0.</summary>
    public int StackLevel { get; init; }

    /// <summary>Absolute, Recurring or Relative. The default value is Relative.</summary>
    public string ProfileKind { get; init; } = "Relative";

    /// <summary>Daily or Weekly, for a Recurring profile. The default value is none.</summary>
    public string? RecurrencyKind { get; init; }

    /// <summary>When the profile starts to apply. The default value is none (at once).</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>When the profile stops applying. The default value is none (until cleared).</summary>
    public DateTimeOffset? ValidTo { get; init; }

    /// <summary>The schedule's start, for Absolute and Recurring profiles. The default value is none.</summary>
    public DateTimeOffset? StartSchedule { get; init; }

    /// <summary>The schedule's duration in seconds. The default value is none (open-ended).</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>
    /// The schedule's periods (start in seconds, limit in <see cref="RateUnit"/>); the default value is one period from
    /// 0 with <see cref="LimitW"/> (else <see cref="LimitA"/>).
    /// </summary>
    public IReadOnlyList<(int StartPeriod, decimal Limit)>? Periods { get; init; }

    /// <summary>
    /// Whether the CSMS is asked to reuse <see cref="ProfileId"/> (replacing a profile by its id, K01.FR.05); otherwise
    /// the profile id is the CSMS's own choice. The default value is <see langword="false"/>.
    /// </summary>
    public bool KeepsProfileId { get; init; }

    /// <summary>2.1 only: chargingProfile.maxOfflineDuration in seconds. The default value is none.</summary>
    public int? MaxOfflineDuration { get; init; }

    /// <summary>2.1 only: chargingProfile.invalidAfterOfflineDuration. The default value is none.</summary>
    public bool? InvalidAfterOfflineDuration { get; init; }

    /// <summary>2.1 only: chargingSchedule.randomizedDelay in seconds. The default value is none.</summary>
    public int? RandomizedDelay { get; init; }

    /// <summary>2.1 only: chargingSchedule.useLocalTime. The default value is none.</summary>
    public bool? UseLocalTime { get; init; }

    /// <summary>W when <see cref="LimitW"/> is given, else A.</summary>
    public string RateUnit => LimitW is null ? "A" : "W";

    /// <summary>
    /// Whether the command says more than a plain limit (purpose, EVSE, one limit from the start, transaction): a
    /// CSMS API's "set a limit" template cannot express it (<see cref="HttpPlaceholders.TemplateName"/>).
    /// </summary>
    public bool IsScheduled =>
        StackLevel != 0 || ProfileKind != "Relative" || RecurrencyKind is not null || ValidFrom is not null || ValidTo is not null
        || StartSchedule is not null || DurationSeconds is not null || Periods is not null || KeepsProfileId
        || MaxOfflineDuration is not null || InvalidAfterOfflineDuration is not null || RandomizedDelay is not null || UseLocalTime is not null;

    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetChargingProfile;

    /// <summary>
    /// The profile and schedule ids (unless it is asked to keep one), and the moments it stamps (validity, schedule
    /// start): the CSMS numbers and stamps them itself. Their presence is a check of its own.
    /// </summary>
    public override IReadOnlyCollection<string> ChosenByCsms => KeepsProfileId
        ? [.. Stamps]
        : ["chargingProfile.id", "csChargingProfiles.chargingProfileId", .. Stamps];

    private static string[] Stamps =>
    [
        "chargingProfile.validFrom", "chargingProfile.validTo", "chargingProfile.chargingSchedule[0].id",
        "chargingProfile.chargingSchedule[0].startSchedule", "csChargingProfiles.validFrom", "csChargingProfiles.validTo",
        "csChargingProfiles.chargingSchedule.startSchedule",
    ];

    private IReadOnlyList<(int StartPeriod, decimal Limit)> EffectivePeriods => Periods ?? [(0, LimitW ?? LimitA ?? 0)];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "SetChargingProfile";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.SetChargingProfileRequest(
            EvseId,
            new V16.ChargingProfile(
                ProfileId,
                StackLevel,
                Wire<V16.ChargingProfilePurpose>(Purpose, "charging profile purpose"),
                Wire<V16.ChargingProfileKind>(ProfileKind, "charging profile kind"),
                new V16.ChargingSchedule(LimitW is null ? V16.ChargingRateUnit.A : V16.ChargingRateUnit.W, [.. EffectivePeriods.Select(p => new V16.ChargingSchedulePeriod(p.StartPeriod, p.Limit))])
                {
                    StartSchedule = StartSchedule,
                    Duration = DurationSeconds,
                })
            {
                TransactionId = Purpose == "TxProfile" && TransactionId is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null,
                RecurrencyKind = RecurrencyKind is { } r16 ? Wire<V16.RecurrencyKind>(r16, "recurrency kind") : null,
                ValidFrom = ValidFrom,
                ValidTo = ValidTo,
            })
        : new Ocpp2.SetChargingProfileRequest(
            EvseId,
            new Ocpp2.ChargingProfileType(
                ProfileId,
                StackLevel,
                Wire<Ocpp2.ChargingProfilePurposeEnumType>(Purpose, "charging profile purpose"),
                Wire<Ocpp2.ChargingProfileKindEnumType>(ProfileKind, "charging profile kind"),
                [new Ocpp2.ChargingScheduleType(
                    1,
                    LimitW is null ? Ocpp2.ChargingRateUnitEnumType.A : Ocpp2.ChargingRateUnitEnumType.W,
                    [.. EffectivePeriods.Select(p => new Ocpp2.ChargingSchedulePeriodType(p.StartPeriod) { Limit = p.Limit })])
                {
                    StartSchedule = StartSchedule,
                    Duration = DurationSeconds,
                    RandomizedDelay = Version == OcppVersion.V21 ? RandomizedDelay : null,
                    UseLocalTime = Version == OcppVersion.V21 ? UseLocalTime : null,
                }])
            {
                TransactionId = Purpose == "TxProfile" ? TransactionId : null,
                MaxOfflineDuration = Version == OcppVersion.V21 ? MaxOfflineDuration : null,
                InvalidAfterOfflineDuration = Version == OcppVersion.V21 ? InvalidAfterOfflineDuration : null,
                RecurrencyKind = RecurrencyKind is { } r2 ? Wire<Ocpp2.RecurrencyKindEnumType>(r2, "recurrency kind") : null,
                ValidFrom = ValidFrom,
                ValidTo = ValidTo,
            });
}

namespace DerSim.Sim.SmartCharging;

/// <summary>A charging profile in one model for all OCPP versions (see the <c>V16SmartCharging</c> etc. converters).</summary>
/// <param name="Id">The profile id (1.6 chargingProfileId, 2.x id).</param>
/// <param name="StackLevel">Precedence within a purpose: the highest valid level wins.</param>
/// <param name="Purpose">What the profile limits.</param>
/// <param name="Kind">How the schedule's start is found.</param>
/// <param name="Schedules">One schedule (2.x allows up to three for ISO 15118; the first one is applied).</param>
public sealed record ChargingProfile(
    int Id,
    int StackLevel,
    ChargingProfilePurpose Purpose,
    ChargingProfileKind Kind,
    IReadOnlyList<ChargingSchedule> Schedules)
{
    /// <summary>The EVSE (1.6: connector) the profile is installed on; 0 is the whole station.</summary>
    public int EvseId { get; init; }

    /// <summary>The repeat interval of a <see cref="ChargingProfileKind.Recurring"/> profile.</summary>
    public RecurrencyKind? Recurrency { get; init; }

    /// <summary>The profile applies from this instant; absent means from installation.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>The profile stops applying at this instant; absent means until replaced or cleared.</summary>
    public DateTimeOffset? ValidTo { get; init; }

    /// <summary>The transaction a <see cref="ChargingProfilePurpose.Tx"/> profile belongs to (1.6 ids as invariant text).</summary>
    public string? TransactionId { get; init; }

    /// <summary>
    /// OCPP 2.1 K01: seconds the profile stays valid once the station is offline; beyond that it does not apply while
    /// the station stays offline (a lower stack level takes over). Null: offline makes no difference.
    /// </summary>
    public int? MaxOfflineDuration { get; init; }

    /// <summary>OCPP 2.1 K01: with <see cref="MaxOfflineDuration"/> exceeded the profile is invalid for good (removed on reconnecting).</summary>
    public bool InvalidAfterOfflineDuration { get; init; }

    /// <summary>
    /// 2.1, a <see cref="ChargingProfileKind.Dynamic"/> profile: how often the station asks the CSMS for new values
    /// (PullDynamicScheduleUpdate); absent means the CSMS pushes them (UpdateDynamicSchedule).
    /// </summary>
    public TimeSpan? DynUpdateInterval { get; init; }

    /// <summary>The schedule that is applied: the first one.</summary>
    public ChargingSchedule Schedule => Schedules[0];

    /// <summary>Whether the profile applies at <paramref name="at"/> by its validFrom/validTo window.</summary>
    public bool IsValidAt(DateTimeOffset at) =>
        (ValidFrom is not { } from || at >= from) && (ValidTo is not { } to || at < to);
}

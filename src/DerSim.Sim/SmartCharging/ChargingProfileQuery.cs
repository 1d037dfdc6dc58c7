namespace DerSim.Sim.SmartCharging;

/// <summary>
/// Criteria selecting installed profiles, for ClearChargingProfile and GetChargingProfiles. Every given criterion must
/// match; an empty query matches every profile.
/// </summary>
public sealed record ChargingProfileQuery
{
    /// <summary>Only profiles with one of these ids.</summary>
    public IReadOnlyList<int>? Ids { get; init; }

    /// <summary>Only profiles installed on this EVSE (0: the station-wide ones).</summary>
    public int? EvseId { get; init; }

    /// <summary>Only profiles of this purpose.</summary>
    public ChargingProfilePurpose? Purpose { get; init; }

    /// <summary>Only profiles at this stack level.</summary>
    public int? StackLevel { get; init; }

    /// <summary>Only profiles from these sources (2.x chargingLimitSource; see <see cref="ChargingProfileStore.SourceOf"/>).</summary>
    public IReadOnlyList<string>? Sources { get; init; }

    /// <summary>The query matching one id.</summary>
    public static ChargingProfileQuery ById(int id) => new() { Ids = [id] };

    /// <summary>Whether <paramref name="profile"/> meets every criterion.</summary>
    public bool Matches(ChargingProfile profile) =>
        (Ids is null || Ids.Contains(profile.Id))
        && (EvseId is not { } evse || profile.EvseId == evse)
        && (Purpose is not { } purpose || profile.Purpose == purpose)
        && (StackLevel is not { } level || profile.StackLevel == level)
        && (Sources is null || Sources.Contains(ChargingProfileStore.SourceOf(profile), StringComparer.Ordinal));
}

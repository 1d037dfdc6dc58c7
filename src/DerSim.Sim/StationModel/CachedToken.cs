namespace DerSim.Sim.StationModel;

/// <summary>What the station's authorization cache holds for one token: the CSMS's last idTokenInfo on it.</summary>
/// <param name="Status">The authorization status as the CSMS named it (Accepted, Invalid, Blocked, …).</param>
/// <param name="GroupId">Its group (2.x groupIdToken.idToken, 1.6 parentIdTag), or null.</param>
/// <param name="StoredAt">
/// When the station stored it, by its own clock; null for an entry it held before it ran (<see cref="AuthorizationCache.Preset"/>),
/// which no LifeTime ends until an answer of the CSMS renews it.
/// </param>
public sealed record CachedToken(string Status, string? GroupId, DateTimeOffset? StoredAt)
{
    /// <summary>Whether the status lets the token charge.</summary>
    public bool IsAccepted => Status == "Accepted";
}

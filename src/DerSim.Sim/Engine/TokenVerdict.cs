namespace DerSim.Sim.Engine;

/// <summary>What the CSMS (or the station's authorization cache on its behalf) says of a token.</summary>
/// <param name="Status">The authorization status by name (Accepted, Invalid, Blocked, Expired, Unknown, …).</param>
/// <param name="GroupId">Its group (2.x groupIdToken.idToken, 1.6 parentIdTag), or null.</param>
public sealed record TokenVerdict(string Status, string? GroupId = null)
{
    /// <summary>A token let in.</summary>
    public static TokenVerdict Accepted { get; } = new("Accepted");

    /// <summary>A token refused, or not asked about (no connection, no answer).</summary>
    public static TokenVerdict Refused { get; } = new("Invalid");

    /// <summary>Whether it may charge.</summary>
    public bool IsAccepted => Status == "Accepted";
}

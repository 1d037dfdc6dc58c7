namespace DerSim.Csms;

/// <summary>What the reference CSMS knows of one token: its status and group (1.6 parentIdTag, 2.x groupIdToken).</summary>
/// <param name="Status">The answer to an Authorize of it.</param>
/// <param name="GroupId">Its group, or null.</param>
/// <param name="GroupIdType">The 2.x type of <paramref name="GroupId"/>; null for the type its text fits.</param>
public sealed record CsmsToken(CsmsTokenStatus Status, string? GroupId = null, string? GroupIdType = null);

namespace DerSim.Harness.Drivers.Csms;

/// <summary>One entry of a local authorization list the CSMS is asked to send (1.6 AuthorizationData).</summary>
/// <param name="IdTag">The token.</param>
/// <param name="Status">Its idTagInfo.status (Accepted, Blocked, …).</param>
/// <param name="ParentIdTag">Its idTagInfo.parentIdTag; null for none.</param>
public sealed record LocalListItem(string IdTag, string Status, string? ParentIdTag = null);

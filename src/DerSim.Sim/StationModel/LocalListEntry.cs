namespace DerSim.Sim.StationModel;

/// <summary>One entry of an update of the local authorization list.</summary>
/// <param name="IdTag">The token.</param>
/// <param name="Info">Its authorization (status, parent as group); null in a differential update removes the token.</param>
public sealed record LocalListEntry(string IdTag, CachedToken? Info);

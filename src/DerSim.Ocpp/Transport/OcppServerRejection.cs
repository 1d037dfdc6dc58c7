namespace DerSim.Ocpp.Transport;

/// <summary>An upgrade request the server turned away, and why.</summary>
/// <param name="StationId">The station id from the path, if there was one.</param>
/// <param name="StatusCode">The HTTP status sent (400 or 401).</param>
/// <param name="Reason">The reason, also sent as the response body.</param>
public sealed record OcppServerRejection(string? StationId, int StatusCode, string Reason);

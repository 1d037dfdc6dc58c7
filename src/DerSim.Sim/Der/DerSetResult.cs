namespace DerSim.Sim.Der;

/// <summary>The answer to setting a control.</summary>
/// <param name="Status">Accepted, Rejected or NotSupported.</param>
/// <param name="SupersededIds">Controls the new one superseded.</param>
/// <param name="ReasonCode">Why, when not accepted (at most 20 characters, as OCPP's statusInfo).</param>
public sealed record DerSetResult(DerStatus Status, IReadOnlyList<string> SupersededIds, string? ReasonCode = null);

using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>The outcome of booting one profile in one version.</summary>
/// <param name="Profile">The EVSE profile.</param>
/// <param name="Version">The OCPP version.</param>
/// <param name="StationId">The station id used.</param>
/// <param name="Passed">Whether every check held.</param>
/// <param name="Detail">What was seen, or what went wrong.</param>
/// <param name="Frames">How many frames crossed the wire.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record BootCheckResult(string Profile, OcppVersion Version, string StationId, bool Passed, string Detail, int Frames, TimeSpan Elapsed);

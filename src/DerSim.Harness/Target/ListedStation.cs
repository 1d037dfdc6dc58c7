namespace DerSim.Harness.Target;

/// <summary>A station id a selection of scenarios connects with, and the OCPP versions it speaks there.</summary>
/// <param name="Id">The station id (the last segment of the CSMS URL).</param>
/// <param name="Versions">The versions it connects with ("1.6", "2.0.1", "2.1"), in that order.</param>
public sealed record ListedStation(string Id, IReadOnlyList<string> Versions);

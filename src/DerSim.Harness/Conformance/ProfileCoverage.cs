namespace DerSim.Harness.Conformance;

/// <summary>How far the scenarios cover the mandatory cases of one certification profile of one version.</summary>
/// <param name="Profile">The certification profile (Core, Smart Charging, Advanced Security, …).</param>
/// <param name="Mandatory">The cases it makes mandatory.</param>
/// <param name="WithScenario">Those with a scenario.</param>
/// <param name="Cases">The mandatory cases themselves (for their verdicts).</param>
public sealed record ProfileCoverage(string Profile, int Mandatory, int WithScenario, IReadOnlyList<CatalogueCase> Cases);

namespace DerSim.Harness.Conformance;

/// <summary>How far the scenarios cover one block of one version's catalogue.</summary>
/// <param name="Block">The block (2.x: <c>B Provisioning</c>; 1.6: the feature profile).</param>
/// <param name="Cases">Its cases.</param>
/// <param name="CoreMandatory">Those the Core certification profile makes mandatory.</param>
/// <param name="Mandatory">Those some certification profile makes mandatory.</param>
/// <param name="WithScenario">Those with a scenario.</param>
/// <param name="CoreMandatoryWithScenario">Those mandatory in Core and with a scenario.</param>
public sealed record BlockCoverage(string Block, int Cases, int CoreMandatory, int Mandatory, int WithScenario, int CoreMandatoryWithScenario);

using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>One version's part of the report.</summary>
/// <param name="Version">The OCPP version.</param>
/// <param name="Blocks">Its blocks, in catalogue order.</param>
/// <param name="Cases">Its cases, in catalogue order.</param>
public sealed record VersionReport(OcppVersion Version, IReadOnlyList<BlockReport> Blocks, IReadOnlyList<CaseReport> Cases)
{
    /// <summary>The figures of all blocks together.</summary>
    public BlockReport Total => new(
        new BlockCoverage("all", Blocks.Sum(b => b.Coverage.Cases), Blocks.Sum(b => b.Coverage.CoreMandatory), Blocks.Sum(b => b.Coverage.Mandatory), Blocks.Sum(b => b.Coverage.WithScenario), Blocks.Sum(b => b.Coverage.CoreMandatoryWithScenario)),
        Cases);
}

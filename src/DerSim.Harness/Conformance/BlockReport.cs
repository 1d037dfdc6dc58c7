namespace DerSim.Harness.Conformance;

/// <summary>One block of a version: the catalogue's figures and its cases.</summary>
/// <param name="Coverage">Cases, mandatory ones and those with a scenario.</param>
/// <param name="Cases">The block's cases.</param>
public sealed record BlockReport(BlockCoverage Coverage, IReadOnlyList<CaseReport> Cases)
{
    /// <summary>How many of its cases have <paramref name="verdict"/> as their verdict.</summary>
    public int Count(ConformanceVerdict verdict) => Cases.Count(c => c.Verdict == verdict);

    /// <summary>How many of its cases have scenarios, none of which ran.</summary>
    public int NotRun => Cases.Count(c => c.Runs.Count > 0 && c.Verdict is null);
}

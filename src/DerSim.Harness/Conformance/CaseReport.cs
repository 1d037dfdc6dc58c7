namespace DerSim.Harness.Conformance;

/// <summary>One case: the catalogue's entry and the runs of its scenarios.</summary>
/// <param name="Case">The case.</param>
/// <param name="Runs">Its scenarios (one per example row), each with its verdict or not run; empty when it has none.</param>
public sealed record CaseReport(CatalogueCase Case, IReadOnlyList<CaseRun> Runs)
{
    /// <summary>The worst verdict of its runs (ERROR &gt; FAIL &gt; INCONCLUSIVE &gt; N/A &gt; PASS), null when none ran.</summary>
    public ConformanceVerdict? Verdict => Verdicts.Worst(Runs.Where(r => r.Verdict is not null).Select(r => r.Verdict!.Value));

    /// <summary>The verdict's label, <see cref="ConformanceReport.NotRun"/> or <see cref="ConformanceReport.NoScenario"/>.</summary>
    public string VerdictLabel => Verdict is { } v ? Verdicts.Label(v) : Runs.Count == 0 ? ConformanceReport.NoScenario : ConformanceReport.NotRun;

    /// <summary>The certification profiles that make it mandatory.</summary>
    public IReadOnlyList<string> MandatoryIn => [.. Case.Profiles.Where(p => p.Value == "M").Select(p => p.Key)];
}

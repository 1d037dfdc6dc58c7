using DerSim.Gherkin.Model;
using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>
/// What a run says per OCA case: every case of the catalogue with its scenarios (one per example row), each with the
/// verdict of its run, and per version and block the figures. Written as <c>reports/conformance.json</c>
/// (<see cref="ConformanceReportJson"/>) and <c>reports/conformance.html</c> (<see cref="ConformanceReportHtml"/>).
/// </summary>
/// <param name="Versions">One part per OCPP version, in version order.</param>
public sealed record ConformanceReport(IReadOnlyList<VersionReport> Versions)
{
    /// <summary>A case with no scenario in the features.</summary>
    public const string NoScenario = "no scenario";

    /// <summary>A case whose scenarios were all left out of the run (by --tags, --version, --profile or paths).</summary>
    public const string NotRun = "not run";

    /// <summary>
    /// The report of a run: <paramref name="scenarios"/> are all scenarios of the features (those the run left out
    /// are "not run"), <paramref name="results"/> what ran; <paramref name="missingStepsFail"/> as
    /// <see cref="Verdicts.Of"/> takes it.
    /// </summary>
    public static ConformanceReport Build(ConformanceCatalogue catalogue, IEnumerable<ScenarioCase> scenarios, IEnumerable<ScenarioResult> results, bool missingStepsFail)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(results);
        var byId = new Dictionary<string, ScenarioResult>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            byId[result.Scenario.Id] = result;
        }

        // Scenarios that ran are covered even when the caller's list lacks them.
        var all = scenarios.Concat(byId.Values.Select(r => r.Scenario)).DistinctBy(s => s.Id).ToList();
        var coverage = CatalogueCoverage.Of(catalogue, all);
        var versions = new List<VersionReport>();
        foreach (var version in OcppVersions.All)
        {
            var cases = catalogue.Cases.Where(c => c.Version == version).Select(c => new CaseReport(
                c,
                [
                    .. coverage.ScenariosOf(c).Select(s => byId.TryGetValue(s.Id, out var r)
                        ? new CaseRun(s, Verdicts.Of(r.Status, missingStepsFail), r.Message)
                        : new CaseRun(s, null, "")),
                ])).ToList();
            var blocks = coverage.Blocks(version).Select(b => new BlockReport(b, [.. cases.Where(c => c.Case.Block == b.Block)])).ToList();
            versions.Add(new VersionReport(version, blocks, cases));
        }

        return new ConformanceReport(versions);
    }
}

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

/// <summary>One scenario of a case (an outline's example row is one) and how its run ended.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Verdict">Its verdict, or null when the run left it out.</param>
/// <param name="Message">Why it did not pass (first lines of the result's message), empty when it passed or did not run.</param>
public sealed record CaseRun(ScenarioCase Scenario, ConformanceVerdict? Verdict, string Message)
{
    /// <summary>The verdict's label, or <see cref="ConformanceReport.NotRun"/>.</summary>
    public string VerdictLabel => Verdict is { } v ? Verdicts.Label(v) : ConformanceReport.NotRun;
}

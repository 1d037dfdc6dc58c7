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

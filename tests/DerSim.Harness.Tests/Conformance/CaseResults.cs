using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Tests.Drivers.Verdicts;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>What the per-block verdict tests share: running conformance files, each result's case, the cases that did not pass.</summary>
internal static class CaseResults
{
    /// <summary>The one OCA case id a conformance scenario carries.</summary>
    public static string Case(ScenarioResult result) => ScenarioTags.CaseIdsOf(result.Scenario.Tags).Single();

    /// <summary>The cases with a run that neither passed nor was not applicable, each once, in order.</summary>
    public static string[] Failed(IEnumerable<ScenarioResult> results) =>
        [.. results.Where(r => r.Status is not (ScenarioStatus.Passed or ScenarioStatus.NotApplicable)).Select(Case).Distinct().Order()];

    /// <summary>The messages of <paramref name="caseId"/>'s runs, one per line (an example per version may run).</summary>
    public static string Message(IEnumerable<ScenarioResult> results, string caseId) =>
        string.Join("\n", results.Where(r => Case(r) == caseId).Select(r => r.Message));

    /// <summary>
    /// Runs the bundled 2.0.1 conformance <paramref name="files"/> (their 2.0.1 examples, or every version with
    /// <paramref name="bothVersions"/>) against <paramref name="csms"/> with <paramref name="settings"/>, one after the other.
    /// </summary>
    public static Task<List<ScenarioResult>> RunFilesAsync(Uri csms, DerSimSettings settings, bool bothVersions, params string[] files) =>
        RunFolderAsync(csms, settings, "2.0.1", files, s => bothVersions || s.Arguments.GetValueOrDefault("version") == "2.0.1");

    /// <summary>
    /// Runs the bundled conformance <paramref name="files"/> of <c>features/conformance/<paramref name="folder"/></c>
    /// (the scenarios <paramref name="which"/> picks, or all) against <paramref name="csms"/> with <paramref name="settings"/>,
    /// one file after the other.
    /// </summary>
    public static async Task<List<ScenarioResult>> RunFolderAsync(Uri csms, DerSimSettings settings, string folder, IEnumerable<string> files, Func<ScenarioCase, bool>? which = null)
    {
        var results = new List<ScenarioResult>();
        foreach (var file in files)
        {
            results.AddRange(await InlineScenarios.RunFileAsync(
                Path.Combine(TestContext.CurrentContext.TestDirectory, "features", "conformance", folder, file),
                csms,
                settings,
                which: which));
        }

        return results;
    }
}

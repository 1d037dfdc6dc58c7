using DerSim.Gherkin.Model;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>What the per-block verdict tests read from a run: each result's case and the cases that did not pass.</summary>
internal static class CaseResults
{
    /// <summary>The one OCA case id a conformance scenario carries.</summary>
    public static string Case(ScenarioResult result) => ScenarioTags.CaseIdsOf(result.Scenario.Tags).Single();

    /// <summary>The cases with a run that neither passed nor was not applicable, each once, in order.</summary>
    public static string[] Failed(IEnumerable<ScenarioResult> results) =>
        [.. results.Where(r => r.Status is not (ScenarioStatus.Passed or ScenarioStatus.NotApplicable)).Select(Case).Distinct().Order()];
}

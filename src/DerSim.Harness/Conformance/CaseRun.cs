using DerSim.Gherkin.Model;

namespace DerSim.Harness.Conformance;

/// <summary>One scenario of a case (an outline's example row is one) and how its run ended.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Verdict">Its verdict, or null when the run left it out.</param>
/// <param name="Message">Why it did not pass (first lines of the result's message), empty when it passed or did not run.</param>
public sealed record CaseRun(ScenarioCase Scenario, ConformanceVerdict? Verdict, string Message)
{
    /// <summary>The verdict's label, or <see cref="ConformanceReport.NotRun"/>.</summary>
    public string VerdictLabel => Verdict is { } v ? Verdicts.Label(v) : ConformanceReport.NotRun;
}

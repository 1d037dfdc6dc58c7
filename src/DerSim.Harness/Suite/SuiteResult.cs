using System.Globalization;
using System.Text;
using DerSim.Gherkin.Model;

namespace DerSim.Harness.Suite;

/// <summary>The outcome of a suite run: every scenario's result and the wall time.</summary>
public sealed record SuiteResult(IReadOnlyList<ScenarioResult> Results, TimeSpan Elapsed)
{
    /// <summary>Scenarios that passed.</summary>
    public int Passed => Results.Count(r => r.Status == ScenarioStatus.Passed);

    /// <summary>Scenarios that failed the gate: failed, broken, ambiguous, and undefined or pending when <paramref name="missingFails"/>.</summary>
    public int Failed(bool missingFails) => Results.Count(r => IsFailure(r.Status, missingFails));

    /// <summary>Everything else: skipped, not applicable, and undefined or pending unless they fail the gate.</summary>
    public int Skipped(bool missingFails) => Results.Count - Passed - Failed(missingFails);

    /// <summary>Whether <paramref name="status"/> fails the run.</summary>
    public static bool IsFailure(ScenarioStatus status, bool missingFails) => status switch
    {
        ScenarioStatus.Failed or ScenarioStatus.Broken or ScenarioStatus.Ambiguous => true,
        ScenarioStatus.Undefined or ScenarioStatus.Pending => missingFails,
        _ => false,
    };

    /// <summary>
    /// The summary: a table per feature (passed, failed, broken, not applicable, other), the failures with their
    /// messages, timing, and the last line "N passed, N failed, N skipped".
    /// </summary>
    public string Summary(bool missingFails)
    {
        var text = new StringBuilder();
        var rows = Results.GroupBy(r => r.Scenario.Feature.Title).Select(g => (
            Feature: g.Key,
            Passed: g.Count(r => r.Status == ScenarioStatus.Passed),
            Failed: g.Count(r => r.Status is ScenarioStatus.Failed or ScenarioStatus.Ambiguous),
            Broken: g.Count(r => r.Status == ScenarioStatus.Broken),
            NotApplicable: g.Count(r => r.Status == ScenarioStatus.NotApplicable),
            Other: g.Count(r => r.Status is ScenarioStatus.Skipped or ScenarioStatus.Undefined or ScenarioStatus.Pending))).ToList();
        var width = Math.Max("Feature".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Feature.Length));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Feature".PadRight(width)}  passed  failed  broken  n/a  other");
        text.AppendLine(new string('-', width + 38));
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Feature.PadRight(width)}  {r.Passed,6}  {r.Failed,6}  {r.Broken,6}  {r.NotApplicable,3}  {r.Other,5}");
        }

        var failures = Results.Where(r => IsFailure(r.Status, missingFails)).ToList();
        if (failures.Count > 0)
        {
            text.AppendLine().AppendLine("Failures:");
            foreach (var failure in failures)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {failure.Scenario.TestName} [{SuiteRunner.Label(failure.Status)}]");
                foreach (var line in failure.Message.Split('\n').Take(8))
                {
                    text.Append("    ").AppendLine(line.TrimEnd());
                }
            }
        }

        var durations = Results.Select(r => r.Duration.TotalSeconds).Order().ToList();
        var median = durations.Count == 0 ? 0 : durations[durations.Count / 2];
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Results.Count} scenario(s) in {Elapsed.TotalSeconds:0.0} s (median {median:0.00} s per scenario)");
        text.Append(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed(missingFails)} failed, {Skipped(missingFails)} skipped");
        return text.ToString();
    }
}

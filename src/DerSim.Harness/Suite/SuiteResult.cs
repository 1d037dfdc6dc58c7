using System.Globalization;
using System.Text;
using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;

namespace DerSim.Harness.Suite;

/// <summary>The outcome of a suite run: every scenario's result and the wall time.</summary>
public sealed record SuiteResult(IReadOnlyList<ScenarioResult> Results, TimeSpan Elapsed)
{
    /// <summary>Scenarios that passed.</summary>
    public int Passed => Results.Count(r => r.Status == ScenarioStatus.Passed);

    /// <summary>Scenarios that failed the gate (FAIL and ERROR): failed, broken, ambiguous, and undefined or pending when <paramref name="missingFails"/>.</summary>
    public int Failed(bool missingFails) => Results.Count(r => IsFailure(r.Status, missingFails));

    /// <summary>Everything else (N/A and INCONCLUSIVE): skipped, not applicable, inconclusive, and undefined or pending unless they fail the gate.</summary>
    public int Skipped(bool missingFails) => Results.Count - Passed - Failed(missingFails);

    /// <summary>Whether <paramref name="status"/> fails the run: its verdict is FAIL or ERROR.</summary>
    public static bool IsFailure(ScenarioStatus status, bool missingFails) => Verdicts.IsFailure(Verdicts.Of(status, missingFails));

    /// <summary>
    /// The summary: a table per feature with the count of each verdict (PASS, FAIL, N/A, INCONCLUSIVE, ERROR), the
    /// failures with their messages, timing, and the last line "N passed, N failed, N skipped".
    /// </summary>
    public string Summary(bool missingFails)
    {
        var text = new StringBuilder();
        var verdicts = Verdicts.ReportOrder;
        var rows = Results.GroupBy(r => r.Scenario.Feature.Title)
            .Select(g => (Feature: g.Key, Counts: verdicts.Select(v => g.Count(r => Verdicts.Of(r.Status, missingFails) == v)).ToList()))
            .ToList();
        var width = Math.Max("Feature".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Feature.Length));
        string Row(string feature, IEnumerable<string> cells) =>
            $"{feature.PadRight(width)}{string.Concat(cells.Zip(verdicts, (c, v) => c.PadLeft(Verdicts.Label(v).Length + 2)))}";
        text.AppendLine();
        var header = Row("Feature", verdicts.Select(Verdicts.Label));
        text.AppendLine(header);
        text.AppendLine(new string('-', header.Length));
        foreach (var r in rows)
        {
            text.AppendLine(Row(r.Feature, r.Counts.Select(c => c.ToString(CultureInfo.InvariantCulture))));
        }

        var failures = Results.Where(r => IsFailure(r.Status, missingFails)).ToList();
        if (failures.Count > 0)
        {
            text.AppendLine().AppendLine("Failures:");
            foreach (var failure in failures)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {failure.Scenario.TestName} [{Verdicts.Label(Verdicts.Of(failure.Status, missingFails))}: {failure.Status.ToString().ToLowerInvariant()}]");
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
        text.Append(Verdicts.CountLine([.. Results.Select(r => Verdicts.Of(r.Status, missingFails))]));
        return text.ToString();
    }
}

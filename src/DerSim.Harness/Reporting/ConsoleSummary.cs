using System.Globalization;
using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;
using DerSim.Ocpp;

namespace DerSim.Harness.Reporting;

/// <summary>The console verdict: a table of scenarios with their verdict, then "N passed, N failed, N skipped".</summary>
public static class ConsoleSummary
{
    /// <summary>
    /// Writes the table (VERDICT: PASS, FAIL, N/A, INCONCLUSIVE, ERROR) and the count line to <paramref name="output"/>;
    /// <paramref name="missingStepsFail"/> as <see cref="Verdicts.Of"/> takes it.
    /// </summary>
    public static void Write(IReadOnlyList<ScenarioResult> results, TextWriter output, bool missingStepsFail = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        var ordered = results.OrderBy(r => r.Scenario.Feature.RelativePath, StringComparer.Ordinal).ThenBy(r => r.Scenario.Line).ToList();
        var width = Math.Min(100, ordered.Select(r => r.Scenario.TestName.Length).DefaultIfEmpty(8).Max());
        output.WriteLine($"{"VERDICT",-14} {"TIME",8}  SCENARIO");
        foreach (var result in ordered)
        {
            var name = result.Scenario.TestName.Length > width ? result.Scenario.TestName[..(width - 1)] + "…" : result.Scenario.TestName;
            var verdict = Verdicts.Of(result.Status, missingStepsFail);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Verdicts.Label(verdict),-14} {result.Duration.TotalSeconds,7:0.0}s  {LogText.Escape(name)}"));
            if (verdict != ConformanceVerdict.Pass && result.Message.Length > 0)
            {
                output.WriteLine($"{"",24}{LogText.Escape(result.Message.Split('\n')[0])}");
            }
        }

        output.WriteLine(CountLine(results, missingStepsFail));
    }

    /// <summary>"N passed, N failed, N skipped": FAIL and ERROR count as failed, N/A and INCONCLUSIVE as skipped.</summary>
    public static string CountLine(IReadOnlyList<ScenarioResult> results, bool missingStepsFail = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Verdicts.CountLine([.. results.Select(r => Verdicts.Of(r.Status, missingStepsFail))]);
    }

    /// <summary>Whether <paramref name="status"/> fails a CI gate: its verdict is FAIL or ERROR.</summary>
    public static bool IsFailure(ScenarioStatus status, bool missingStepsFail = false) => Verdicts.IsFailure(Verdicts.Of(status, missingStepsFail));
}

using System.Globalization;
using DerSim.Gherkin.Model;
using DerSim.Ocpp;

namespace DerSim.Harness.Reporting;

/// <summary>The console verdict: a table of scenarios with their status, then "N passed, N failed, N skipped".</summary>
public static class ConsoleSummary
{
    /// <summary>Writes the table and the count line to <paramref name="output"/>.</summary>
    public static void Write(IReadOnlyList<ScenarioResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        var ordered = results.OrderBy(r => r.Scenario.Feature.RelativePath, StringComparer.Ordinal).ThenBy(r => r.Scenario.Line).ToList();
        var width = Math.Min(100, ordered.Select(r => r.Scenario.TestName.Length).DefaultIfEmpty(8).Max());
        output.WriteLine($"{"STATUS",-14} {"TIME",8}  SCENARIO");
        foreach (var result in ordered)
        {
            var name = result.Scenario.TestName.Length > width ? result.Scenario.TestName[..(width - 1)] + "…" : result.Scenario.TestName;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Label(result.Status),-14} {result.Duration.TotalSeconds,7:0.0}s  {LogText.Escape(name)}"));
            if (result.Status is not ScenarioStatus.Passed and not ScenarioStatus.Skipped && result.Message.Length > 0)
            {
                output.WriteLine($"{"",24}{LogText.Escape(result.Message.Split('\n')[0])}");
            }
        }

        output.WriteLine(CountLine(results));
    }

    /// <summary>"N passed, N failed, N skipped": Failed, Broken, Ambiguous and Undefined count as failed.</summary>
    public static string CountLine(IReadOnlyList<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var passed = results.Count(r => r.Status == ScenarioStatus.Passed);
        var failed = results.Count(r => IsFailure(r.Status));
        return $"{passed} passed, {failed} failed, {results.Count - passed - failed} skipped";
    }

    /// <summary>Whether <paramref name="status"/> fails a CI gate.</summary>
    public static bool IsFailure(ScenarioStatus status) =>
        status is ScenarioStatus.Failed or ScenarioStatus.Broken or ScenarioStatus.Ambiguous or ScenarioStatus.Undefined;

    private static string Label(ScenarioStatus status) => status switch
    {
        ScenarioStatus.NotApplicable => "n/a",
        _ => status.ToString().ToLowerInvariant(),
    };
}

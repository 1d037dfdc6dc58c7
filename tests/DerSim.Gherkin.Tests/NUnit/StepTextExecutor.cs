using System.Diagnostics;
using DerSim.Gherkin.Model;

namespace DerSim.Gherkin.Tests.NUnit;

/// <summary>
/// An executor for the glue's tests: each step's outcome follows its text ("fails", "breaks", "is pending",
/// "is undefined", "is ambiguous", "is not applicable", "is inconclusive"; anything else passes), later steps are skipped.
/// </summary>
public sealed class StepTextExecutor : IScenarioExecutor
{
    private int runs;
    private int ends;

    /// <summary>How many scenarios ran.</summary>
    public int Runs => runs;

    /// <summary>How many times the run was ended.</summary>
    public int Ends => ends;

    public Task<ScenarioResult> RunAsync(ScenarioCase scenario, CancellationToken ct)
    {
        Interlocked.Increment(ref runs);
        var watch = Stopwatch.StartNew();
        var results = new List<StepResult>();
        StepResult? failed = null;
        foreach (var step in scenario.Steps)
        {
            if (failed is not null)
            {
                results.Add(new StepResult(step, ScenarioStatus.Skipped, TimeSpan.Zero, null, null));
                continue;
            }

            var (status, error) = Outcome(step);
            var result = new StepResult(step, status, TimeSpan.FromMilliseconds(1), error, status == ScenarioStatus.Passed ? "Steps.Any()" : null);
            results.Add(result);
            if (status != ScenarioStatus.Passed)
            {
                failed = result;
            }
        }

        var message = failed is null ? string.Empty : $"{scenario.Feature.Path}:{failed.Step.Line}: {failed.Error?.Message}";
        return Task.FromResult(new ScenarioResult(scenario, failed?.Status ?? ScenarioStatus.Passed, watch.Elapsed, failed?.Error, message, results));
    }

    public Task EndRunAsync()
    {
        Interlocked.Increment(ref ends);
        return Task.CompletedTask;
    }

    private static (ScenarioStatus Status, Exception? Error) Outcome(ScenarioStep step) => step.Text switch
    {
        var t when t.Contains("fails", StringComparison.Ordinal) => (ScenarioStatus.Failed, Thrown(() => throw new AssertionException("expected 1 but was 2"))),
        var t when t.Contains("breaks", StringComparison.Ordinal) => (ScenarioStatus.Broken, Thrown(() => throw new InvalidOperationException("socket closed"))),
        var t when t.Contains("is pending", StringComparison.Ordinal) => (ScenarioStatus.Pending, new InvalidOperationException("step is pending")),
        var t when t.Contains("is undefined", StringComparison.Ordinal) => (ScenarioStatus.Undefined, new InvalidOperationException("no step definition")),
        var t when t.Contains("is ambiguous", StringComparison.Ordinal) => (ScenarioStatus.Ambiguous, new InvalidOperationException("A.One and B.Two both match")),
        var t when t.Contains("is inconclusive", StringComparison.Ordinal) => (ScenarioStatus.Inconclusive, new InvalidOperationException("no operator sent Reset in time")),
        var t when t.Contains("is not applicable", StringComparison.Ordinal) => (ScenarioStatus.NotApplicable, new InvalidOperationException("OCPP 1.6 has no such message")),
        _ => (ScenarioStatus.Passed, null),
    };

    // A thrown exception carries a stack trace, as a real step's would.
    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new UnreachableException();
    }
}

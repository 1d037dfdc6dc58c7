using System.Diagnostics;
using System.Globalization;
using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;
using DerSim.Ocpp;

namespace DerSim.Harness.Suite;

/// <summary>
/// Runs a selection of scenarios on an executor, several at once (those tagged non-parallelizable alone, after the
/// others), printing a progress line as each one ends.
/// </summary>
public sealed class SuiteRunner(IScenarioExecutor executor, TextWriter progress, int parallelism)
{
    /// <summary>Tags that keep a scenario from running beside others.</summary>
    public IReadOnlyCollection<string> NonParallelizableTags { get; init; } = ["non-parallelizable"];

    /// <summary>Whether an undefined or pending step is an ERROR (else INCONCLUSIVE), as <see cref="Verdicts.Of"/> says. The default value is false.</summary>
    public bool MissingStepsFail { get; init; }

    /// <summary>Runs <paramref name="scenarios"/>; results in the given order.</summary>
    public async Task<SuiteResult> RunAsync(IReadOnlyList<ScenarioCase> scenarios, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var watch = Stopwatch.StartNew();
        var results = new ScenarioResult?[scenarios.Count];
        var done = 0;
        var width = scenarios.Count.ToString(CultureInfo.InvariantCulture).Length;
        var gate = new Lock();

        async Task RunOne(int index)
        {
            ScenarioResult result;
            var started = Stopwatch.GetTimestamp();
            try
            {
                result = await executor.RunAsync(scenarios[index], ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The runner reports step, hook and teardown errors itself; anything that still escapes is this
                // scenario's breakage, and the rest of the suite runs on.
                result = new ScenarioResult(scenarios[index], ScenarioStatus.Broken, Stopwatch.GetElapsedTime(started), ex,
                    $"{scenarios[index].Feature.DisplayPath}:{scenarios[index].Line}: the runner failed: {ex.GetType().Name}: {ex.Message}", []);
            }

            results[index] = result;
            lock (gate)
            {
                done++;
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{scenarios.Count}] {Verdicts.Label(Verdicts.Of(result.Status, MissingStepsFail)),-12} {result.Duration.TotalSeconds,6:0.0} s  {LogText.Escape(result.Scenario.TestName)}"));
                if (result.Status is not (ScenarioStatus.Passed or ScenarioStatus.Skipped))
                {
                    // The message may quote what the CSMS sent: escaped, so it cannot add lines of its own.
                    var first = LogText.Escape(result.Message.Split('\n', 2)[0]);
                    progress.WriteLine($"{new string(' ', (2 * width) + 3)} {first}");
                }
            }
        }

        var parallel = new List<int>();
        var alone = new List<int>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            (scenarios[i].Tags.Any(t => NonParallelizableTags.Contains(t, StringComparer.OrdinalIgnoreCase)) ? alone : parallel).Add(i);
        }

        await Parallel.ForEachAsync(parallel, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct }, async (i, _) => await RunOne(i).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var i in alone)
        {
            await RunOne(i).ConfigureAwait(false);
        }

        await executor.EndRunAsync().ConfigureAwait(false);
        return new SuiteResult([.. results.Select(r => r!)], watch.Elapsed);
    }
}

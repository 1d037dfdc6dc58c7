using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using DerSim.Harness.Gherkin.Model;
using Reqnroll;
using Reqnroll.Bindings;

namespace DerSim.Harness.Gherkin.Glue;

using ScenarioContext = global::Reqnroll.ScenarioContext;
using Table = global::Reqnroll.Table;

/// <summary>
/// Runs pickles on the real Reqnroll runtime without a generator: each <see cref="ScenarioCase"/> becomes the calls
/// the generated code would make on an <see cref="ITestRunner"/> (feature start when the runner has another feature
/// open, scenario initialise and start, one Given/When/Then call per pickle step in pickle order, error collection,
/// scenario end), and the scenario's status before and after each step call becomes a <see cref="ScenarioResult"/>
/// with one result per step (Reqnroll 3.3 publishes its execution events asynchronously, too late for that).
/// Bindings are whatever Reqnroll finds: the test assembly and reqnroll.json's <c>bindingAssemblies</c>.
/// </summary>
public sealed class ReqnrollExecutor : IScenarioExecutor, IDisposable
{
    private readonly Assembly _testAssembly;
    private readonly DerSimContainerBuilder _builder;
    private readonly ConcurrentDictionary<FeatureDocument, global::Reqnroll.FeatureInfo> _features = new(ReferenceEqualityComparer.Instance);
    private readonly SemaphoreSlim _start = new(1, 1);
    private bool _started;

    /// <summary>A run over <paramref name="testAssembly"/>'s bindings, configured by <paramref name="configFile"/> (null: Reqnroll's own lookup).</summary>
    /// <param name="testAssembly">The assembly Reqnroll treats as the test project.</param>
    /// <param name="configFile">The reqnroll.json to use, or null.</param>
    /// <param name="log">Where Reqnroll's trace output goes; null discards it.</param>
    public ReqnrollExecutor(Assembly testAssembly, string? configFile = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        _testAssembly = testAssembly;
        _builder = new DerSimContainerBuilder(configFile is null ? null : Path.GetFullPath(configFile), log);

        // A conformance run does not call out: Reqnroll's telemetry is off unless the user turned it on.
        if (Environment.GetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED") is null)
        {
            Environment.SetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED", "0");
        }
    }

    /// <inheritdoc />
    public async Task<ScenarioResult> RunAsync(ScenarioCase scenario, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        await EnsureStartedAsync().ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var feature = FeatureInfoOf(scenario.Feature);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(_testAssembly, _builder, feature);
        var recording = new ScenarioRecording(scenario);
        Exception? error = null;
        try
        {
            if (!ReferenceEquals(runner.FeatureContext?.FeatureInfo, feature))
            {
                if (runner.FeatureContext is not null)
                {
                    await runner.OnFeatureEndAsync().ConfigureAwait(false);
                }

                await runner.OnFeatureStartAsync(feature).ConfigureAwait(false);
            }

            runner.OnScenarioInitialize(ScenarioInfoOf(scenario), RuleInfoOf(scenario));
            recording.AttachTo(runner.ScenarioContext);
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(scenario);
            try
            {
                await runner.OnScenarioStartAsync().ConfigureAwait(false);
                var context = runner.ScenarioContext;
                foreach (var step in scenario.Steps)
                {
                    ct.ThrowIfCancellationRequested();

                    // Reqnroll skips a step once the scenario is no longer OK; the status it leaves is this step's.
                    var before = context.ScenarioExecutionStatus;
                    var errorBefore = context.TestError;
                    recording.StepStarted();
                    await RunStepAsync(runner, step).ConfigureAwait(false);
                    var (status, stepError) = before != ScenarioExecutionStatus.OK
                        ? (ScenarioStatus.Skipped, null)
                        : (StatusOf(context.ScenarioExecutionStatus, context.TestError), ReferenceEquals(context.TestError, errorBefore) ? null : context.TestError);
                    recording.StepFinished(status, stepError, null);
                }

                await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever the scenario throws is its outcome.
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                try
                {
                    await runner.OnScenarioEndAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    error ??= e;
                }
            }
#pragma warning restore CA1031
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }

        return ResultOf(recording, error, Stopwatch.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public void Dispose() => _start.Dispose();

    /// <inheritdoc />
    public async Task EndRunAsync()
    {
        if (!_started)
        {
            return;
        }

        foreach (var feature in _features.Values)
        {
            await TestRunnerManager.ReleaseFeatureAsync(feature, _testAssembly, _builder).ConfigureAwait(false);
        }

        await TestRunnerManager.OnTestRunEndAsync(_testAssembly, _builder).ConfigureAwait(false);
        _started = false;
    }

    private async Task EnsureStartedAsync()
    {
        await _start.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_started)
            {
                await TestRunnerManager.OnTestRunStartAsync(_testAssembly, _builder).ConfigureAwait(false);
                _started = true;
            }
        }
        finally
        {
            _start.Release();
        }
    }

    private static Task RunStepAsync(ITestRunner runner, ScenarioStep step)
    {
        var table = step.DataTable is { Count: > 0 } cells ? TableOf(cells) : null;
        var keyword = step.Keyword + " ";
        var doc = step.DocString?.Content;
        return step.Type switch
        {
            StepDefinitionType.Given => runner.GivenAsync(step.Text, doc, table, keyword),
            StepDefinitionType.When => runner.WhenAsync(step.Text, doc, table, keyword),
            _ => runner.ThenAsync(step.Text, doc, table, keyword),
        };
    }

    private static Table TableOf(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        var table = new Table([.. cells[0]]);
        foreach (var row in cells.Skip(1))
        {
            table.AddRow([.. row]);
        }

        return table;
    }

    private global::Reqnroll.FeatureInfo FeatureInfoOf(FeatureDocument feature) => _features.GetOrAdd(feature, f =>
    {
        var folder = Path.GetDirectoryName(f.RelativePath)?.Replace('\\', '/') ?? "";
        var culture = Hosting.GherkinHost.CultureOf(f.Language);
        return new global::Reqnroll.FeatureInfo(culture, folder, f.Title, f.Description, ProgrammingLanguage.CSharp, [.. f.Tags], f.Messages);
    });

    private static global::Reqnroll.ScenarioInfo ScenarioInfoOf(ScenarioCase scenario)
    {
        var arguments = new OrderedDictionary(StringComparer.Ordinal);
        foreach (var (key, value) in scenario.Arguments)
        {
            arguments.Add(key, value);
        }

        var inherited = scenario.Feature.Tags.ToArray();
        var own = scenario.Tags.Where(t => !inherited.Contains(t, StringComparer.Ordinal)).ToArray();
        var index = IndexOf(scenario);
        return new global::Reqnroll.ScenarioInfo(scenario.Title, scenario.Description, own, arguments, inherited, index.ToString(CultureInfo.InvariantCulture));
    }

    private static int IndexOf(ScenarioCase scenario)
    {
        var scenarios = scenario.Feature.Scenarios;
        for (var i = 0; i < scenarios.Count; i++)
        {
            if (ReferenceEquals(scenarios[i], scenario))
            {
                return i;
            }
        }

        return 0;
    }

    private static RuleInfo? RuleInfoOf(ScenarioCase scenario) => scenario.Rule is { } rule ? new RuleInfo(rule, "", []) : null;

    private static ScenarioResult ResultOf(ScenarioRecording recording, Exception? error, TimeSpan duration)
    {
        var scenario = recording.Scenario;
        var steps = recording.Steps.ToList();

        // Steps Reqnroll never reported (the scenario ended before them) are skipped.
        foreach (var step in scenario.Steps.Skip(steps.Count))
        {
            steps.Add(new StepResult(step, ScenarioStatus.Skipped, TimeSpan.Zero, null, null));
        }

        // An undefined step has no exception of its own: Reqnroll's error at the end carries the snippet.
        steps = [.. steps.Select(s => s.Status == ScenarioStatus.Undefined && s.Error is null && error is not null ? s with { Error = error } : s)];
        var failed = steps.FirstOrDefault(s => s.Status is not (ScenarioStatus.Passed or ScenarioStatus.Skipped));
        var status = failed?.Status ?? (error is null ? ScenarioStatus.Passed : StatusOf(error));
        var cause = failed?.Error ?? (status == ScenarioStatus.Passed ? null : error);
        var messages = steps.Where(s => s.Status is not (ScenarioStatus.Passed or ScenarioStatus.Skipped)).Select(s => Verdict(scenario, s)).ToList();
        if (failed is null && error is not null)
        {
            messages.Add($"{scenario.Feature.DisplayPath}:{scenario.Line}: {error.Message}");
        }

        return new ScenarioResult(scenario, status, duration, cause, string.Join("\n", messages), steps);
    }

    private static string Verdict(ScenarioCase scenario, StepResult step)
    {
        var at = $"{scenario.Feature.DisplayPath}:{step.Step.Line}";
        var message = step.Error?.Message ?? step.Status.ToString();
        return step.Status switch
        {
            ScenarioStatus.Undefined => $"{at}: {step.Step} is undefined; add a step definition:\n{message}",
            ScenarioStatus.Pending => $"{at}: {step.Step} is pending: {message}",
            ScenarioStatus.NotApplicable => $"{at}: not applicable: {message}",
            ScenarioStatus.Failed => $"{at}: {step.Step} failed: {message}",
            ScenarioStatus.Ambiguous => $"{at}: {message}",
            _ => $"{at}: {step.Step} failed: {step.Error?.GetType().Name}: {message}",
        };
    }

    /// <summary>A scenario status for an exception a step, hook or Reqnroll threw.</summary>
    internal static ScenarioStatus StatusOf(Exception error) => Runtime.OutcomeClassifier.Unwrap(error) switch
    {
        ReqnrollOutcomeException outcome => outcome.Status,
        Reqnroll.PendingStepException => ScenarioStatus.Pending,
        AmbiguousBindingException => ScenarioStatus.Ambiguous,
        var other => Runtime.OutcomeClassifier.StatusOf(other),
    };

    private static ScenarioStatus StatusOf(ScenarioExecutionStatus status, Exception? error) => status switch
    {
        ScenarioExecutionStatus.OK => ScenarioStatus.Passed,
        ScenarioExecutionStatus.StepDefinitionPending => ScenarioStatus.Pending,
        ScenarioExecutionStatus.UndefinedStep => ScenarioStatus.Undefined,
        ScenarioExecutionStatus.Skipped when error is NotApplicableException => ScenarioStatus.NotApplicable,
        ScenarioExecutionStatus.Skipped => ScenarioStatus.Skipped,
        _ when error is not null => StatusOf(error),
        _ => ScenarioStatus.Broken,
    };
}

using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using DerSim.Gherkin.Model;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.BoDi;

namespace DerSim.Gherkin.Glue;

using ScenarioContext = global::Reqnroll.ScenarioContext;
using Table = global::Reqnroll.Table;

/// <summary>
/// Runs pickles on the real Reqnroll runtime without a generator: each <see cref="ScenarioCase"/> becomes the calls
/// the generated code would make on an <see cref="ITestRunner"/> (feature start when the runner has another feature
/// open, scenario initialise and start, one Given/When/Then call per pickle step in pickle order, error collection,
/// scenario end). Each step's status is the scenario's status when its call returns (after its AfterStep hooks), the
/// step definition it called and every hook's end come from Reqnroll's execution events (<see cref="ReqnrollEvents"/>),
/// and the scenario's verdict, after its teardown, is a <see cref="ScenarioResult"/>. Bindings are whatever Reqnroll
/// finds: the test assembly and reqnroll.json's <c>bindingAssemblies</c>.
/// </summary>
public sealed class ReqnrollExecutor : IScenarioExecutor, IDisposable
{
    private readonly Assembly _testAssembly;
    private readonly DerSimContainerBuilder _builder;
    private readonly ConcurrentDictionary<FeatureDocument, global::Reqnroll.FeatureInfo> _features = new(ReferenceEqualityComparer.Instance);
    private readonly SemaphoreSlim _start = new(1, 1);
    private ListenerHub _hub;
    private IObjectContainer? _global;
    private ITestRunnerManager? _manager;
    private Exception? _startError;

    /// <summary>A run over <paramref name="testAssembly"/>'s bindings, configured by <paramref name="configFile"/> (null: Reqnroll's own lookup).</summary>
    /// <param name="testAssembly">The assembly Reqnroll treats as the test project.</param>
    /// <param name="configFile">The reqnroll.json to use, or null for Reqnroll's own lookup.</param>
    /// <exception cref="Configuration.ReqnrollConfigException">The file is not valid (names the file and the JSON path).</exception>
    /// <param name="log">Where Reqnroll's trace output and listener errors go; null discards trace output.</param>
    public ReqnrollExecutor(Assembly testAssembly, string? configFile = null, TextWriter? log = null)
        : this(testAssembly, configFile is null ? null : Configuration.ReqnrollConfig.Load(configFile), log)
    {
    }

    /// <summary>A run over <paramref name="testAssembly"/>'s bindings with an already read reqnroll.json.</summary>
    /// <param name="testAssembly">The assembly Reqnroll treats as the test project.</param>
    /// <param name="config">The configuration (DerSim's reader), or null for Reqnroll's own lookup.</param>
    /// <param name="log">Where Reqnroll's trace output and listener errors go; null discards trace output.</param>
    public ReqnrollExecutor(Assembly testAssembly, Configuration.ReqnrollConfig? config, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        _testAssembly = testAssembly;
        _builder = new DerSimContainerBuilder(config, log);
        _hub = new ListenerHub([], log);
    }

    /// <summary>Values put into Reqnroll's test run context (under their type's full name) when the run starts.</summary>
    public IReadOnlyList<object> RunValues { get; init; } = [];

    /// <summary>Reporters told about the run, its features, scenarios, steps and hooks.</summary>
    public IReadOnlyList<IGherkinRunListener> Listeners
    {
        get => _hub.Listeners;
        init => _hub = new ListenerHub(value, _hub.Log);
    }

    /// <summary>Starts the run now (BeforeTestRun hooks) rather than with the first scenario, so binding problems show first.</summary>
    /// <exception cref="ReqnrollBindingsException">A binding assembly is missing or the bindings do not fit together.</exception>
    public Task StartAsync() => EnsureStartedAsync();

    /// <inheritdoc />
    public async Task<ScenarioResult> RunAsync(ScenarioCase scenario, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        await EnsureStartedAsync().ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var feature = FeatureInfoOf(scenario.Feature, out var isNew);
        if (isNew)
        {
            _hub.Raise(nameof(IGherkinRunListener.FeatureStarted), l => l.FeatureStarted(new FeatureStartedEvent(scenario.Feature)));
        }

        var runner = _manager!.GetTestRunner(feature);
        var events = ReqnrollEvents.Of(runner, _hub);
        var recording = new ScenarioRecording(scenario);
        Exception? error = _startError;
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
            var context = runner.ScenarioContext;
            recording.AttachTo(context);
            context.ScenarioContainer.RegisterInstanceAs(scenario);
            _hub.Raise(nameof(IGherkinRunListener.ScenarioStarted), l => l.ScenarioStarted(new ScenarioStartedEvent(scenario, context)));
            try
            {
                await runner.OnScenarioStartAsync().ConfigureAwait(false);
                foreach (var step in scenario.Steps)
                {
                    ct.ThrowIfCancellationRequested();

                    // Reqnroll skips a step once the scenario is no longer OK; the status it leaves is this step's.
                    var before = context.ScenarioExecutionStatus;
                    var errorBefore = context.TestError;
                    _hub.Raise(nameof(IGherkinRunListener.StepStarted), l => l.StepStarted(new StepStartedEvent(scenario, step, null)));
                    recording.StepStarted();
                    events.StepBinding = null;
                    await RunStepAsync(runner, step).ConfigureAwait(false);
                    var (status, stepError) = before != ScenarioExecutionStatus.OK
                        ? (ScenarioStatus.Skipped, null)
                        : (StatusOf(context.ScenarioExecutionStatus, context.TestError), ReferenceEquals(context.TestError, errorBefore) ? null : context.TestError);
                    var (result, attachments, parameters) = recording.StepFinished(status, stepError, events.StepBinding);
                    _hub.Raise(nameof(IGherkinRunListener.StepFinished), l => l.StepFinished(new StepFinishedEvent(scenario, result, attachments, parameters)));
                }

                await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever the scenario throws is its outcome.
            catch (Exception e)
            {
                error ??= e;
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
            _manager.ReleaseTestRunnerToPool(runner);
        }

        var scenarioResult = ResultOf(recording, error, Stopwatch.GetElapsedTime(started));
        var (outsideAttachments, outsideParameters) = recording.OutsideSteps();
        _hub.Raise(nameof(IGherkinRunListener.ScenarioFinished), l => l.ScenarioFinished(new ScenarioFinishedEvent(scenarioResult, outsideAttachments, outsideParameters)));
        return scenarioResult;
    }

    /// <inheritdoc />
    public void Dispose() => _start.Dispose();

    /// <summary>Ends the features (AfterFeature hooks) and the run (AfterTestRun hooks, Reqnroll's formatters write their reports).</summary>
    public async Task EndRunAsync()
    {
        await _start.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_manager is null)
            {
                return;
            }

            Exception? error = null;
#pragma warning disable CA1031 // A failing teardown hook is reported, not thrown past the run's summary.
            foreach (var (document, feature) in _features)
            {
                Exception? featureError = null;
                try
                {
                    await _manager.EndFeatureForAvailableTestRunnersAsync(feature).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    featureError = e;
                    error ??= e;
                }

                _hub.Raise(nameof(IGherkinRunListener.FeatureFinished), l => l.FeatureFinished(new FeatureFinishedEvent(document, featureError)));
            }

            try
            {
                await _manager.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                error ??= e;
            }
#pragma warning restore CA1031

            _hub.Raise(nameof(IGherkinRunListener.RunFinished), l => l.RunFinished(new RunFinishedEvent(error)));
            if (error is not null)
            {
                (_hub.Log ?? Console.Error).WriteLine($"ending the run: {OutcomeClassifier.Unwrap(error).Message}");
            }

            _manager = null;
            _global = null;
            _features.Clear();
        }
        finally
        {
            _start.Release();
        }
    }

    private async Task EnsureStartedAsync()
    {
        await _start.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_manager is not null)
            {
                return;
            }

            // A manager of our own, not Reqnroll's per-assembly static one: runs over the same assembly (tests) stay apart.
            _hub.Raise(nameof(IGherkinRunListener.RunStarted), l => l.RunStarted(new RunStartedEvent()));
            _global = _builder.CreateGlobalContainer(_testAssembly);
            var manager = _global.Resolve<ITestRunnerManager>();
            manager.Initialize(_testAssembly);
            var runContext = _global.Resolve<ITestRunContext>() as ReqnrollContext;
            foreach (var value in RunValues)
            {
                runContext?.Set(value, value.GetType().FullName!);
            }

            _startError = null;
#pragma warning disable CA1031 // A failing BeforeTestRun hook fails every scenario, as in Reqnroll.
            try
            {
                await manager.FireTestRunStartAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (OutcomeClassifier.Unwrap(e) is ReqnrollBindingsException missing)
            {
                // Not a hook's failure: the run cannot start at all.
                throw missing;
            }
            catch (Exception e)
            {
                _startError = e;
            }
#pragma warning restore CA1031

            if (BindingErrors.Of(_global.Resolve<IBindingRegistry>()) is { Count: > 0 } errors)
            {
                // Every step would fail with the same cryptic error: the run does not start.
                await manager.DisposeAsync().ConfigureAwait(false);
                throw new ReqnrollBindingsException("binding errors: " + string.Join("; ", errors));
            }

            _manager = manager;
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

    internal static Table TableOf(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        var table = new Table([.. cells[0]]);
        foreach (var row in cells.Skip(1))
        {
            table.AddRow([.. row]);
        }

        return table;
    }

    private global::Reqnroll.FeatureInfo FeatureInfoOf(FeatureDocument feature, out bool isNew)
    {
        if (_features.TryGetValue(feature, out var known))
        {
            isNew = false;
            return known;
        }

        var info = NewFeatureInfo(feature);
        isNew = _features.TryAdd(feature, info);
        return isNew ? info : _features[feature];
    }

    private static global::Reqnroll.FeatureInfo NewFeatureInfo(FeatureDocument f)
    {
        var folder = Path.GetDirectoryName(f.RelativePath)?.Replace('\\', '/') ?? "";
        var culture = Configuration.ReqnrollConfig.CultureOf(f.Language);
        return new global::Reqnroll.FeatureInfo(culture, folder, f.Title, f.Description, ProgrammingLanguage.CSharp, [.. f.Tags], f.Messages);
    }

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
            ScenarioStatus.Inconclusive => $"{at}: inconclusive: {message}",
            ScenarioStatus.Failed => $"{at}: {step.Step} failed: {message}",
            ScenarioStatus.Ambiguous => $"{at}: {message}",
            _ => $"{at}: {step.Step} failed: {step.Error?.GetType().Name}: {message}",
        };
    }

    /// <summary>A scenario status for an exception a step, hook or Reqnroll threw.</summary>
    internal static ScenarioStatus StatusOf(Exception error) => OutcomeClassifier.Unwrap(error) switch
    {
        ReqnrollOutcomeException outcome => outcome.Status,
        Reqnroll.PendingStepException => ScenarioStatus.Pending,
        AmbiguousBindingException => ScenarioStatus.Ambiguous,
        var other => OutcomeClassifier.StatusOf(other),
    };

    internal static ScenarioStatus StatusOf(ScenarioExecutionStatus status, Exception? error) => status switch
    {
        ScenarioExecutionStatus.OK => ScenarioStatus.Passed,
        ScenarioExecutionStatus.StepDefinitionPending => ScenarioStatus.Pending,
        ScenarioExecutionStatus.UndefinedStep => ScenarioStatus.Undefined,
        ScenarioExecutionStatus.Skipped when error is NotApplicableException => ScenarioStatus.NotApplicable,
        ScenarioExecutionStatus.Skipped when error is ScenarioInconclusiveException => ScenarioStatus.Inconclusive,
        ScenarioExecutionStatus.Skipped => ScenarioStatus.Skipped,
        _ when error is not null => StatusOf(error),
        _ => ScenarioStatus.Broken,
    };
}

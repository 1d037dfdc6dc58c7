using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using BoDi;
using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>
/// Runs scenarios against the bindings of the binding assemblies, with Reqnroll's lifecycle: BeforeTestRun once,
/// BeforeFeature on a feature's first scenario, a fresh container per scenario (child of the feature's, child of the
/// run's) whose binding instances are shared by the scenario's steps and hooks and disposed after it, AfterFeature when
/// a feature's last scenario is done (or at <see cref="EndRunAsync"/>), AfterTestRun at the end. Scenarios may run in
/// parallel.
/// </summary>
public sealed class TestRunner : IScenarioExecutor, IDisposable
{
    private readonly ObjectContainer _runContainer;
    private readonly ConcurrentDictionary<FeatureDocument, FeatureState> _features = new(ReferenceEqualityComparer.Instance);
    private readonly SemaphoreSlim _runGate = new(1, 1);
    private bool _runStarted;
    private int _runEnded;
    private int _errorsReported;
    private (Exception Error, string Hook)? _runStartError;

    private TestRunner(BindingRegistry registry, GherkinRunOptions options, string testDirectory)
    {
        Registry = registry;
        Options = options;
        Listeners = new ListenerHub(options.Listeners, options.Log);
        RunContext = new TestRunContext(testDirectory);
        _runContainer = new ObjectContainer();
        _runContainer.RegisterInstanceAs(RunContext);
    }

    /// <summary>The bindings.</summary>
    public BindingRegistry Registry { get; }

    /// <summary>The options.</summary>
    public GherkinRunOptions Options { get; }

    /// <summary>The run's context (shared by every scenario).</summary>
    public TestRunContext RunContext { get; }

    internal ListenerHub Listeners { get; }

    /// <summary>Discovers the bindings of <paramref name="bindingAssemblies"/>; binding errors are reported by the first scenario, not thrown.</summary>
    public static TestRunner Create(IEnumerable<Assembly> bindingAssemblies, GherkinRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(bindingAssemblies);
        ArgumentNullException.ThrowIfNull(options);
        var assemblies = bindingAssemblies.ToList();
        var registry = BindingRegistry.Discover(assemblies, options.Documentation, options.BindingCulture);
        var directory = assemblies.Select(a => Path.GetDirectoryName(a.Location)).FirstOrDefault(d => !string.IsNullOrEmpty(d)) ?? AppContext.BaseDirectory;
        return new TestRunner(registry, options, directory);
    }

    /// <summary>A runner over an already discovered <paramref name="registry"/> (e.g. from <see cref="BindingRegistry.Discover(IEnumerable{Type}, Func{MethodInfo, string}, System.Globalization.CultureInfo)"/>).</summary>
    public static TestRunner Create(BindingRegistry registry, GherkinRunOptions options, string? testDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        return new TestRunner(registry, options, testDirectory ?? AppContext.BaseDirectory);
    }

    /// <summary>Adds a listener for the events from now on.</summary>
    public void AddListener(IGherkinRunListener listener) => Listeners.Add(listener);

    /// <inheritdoc />
    public async Task<ScenarioResult> RunAsync(ScenarioCase scenario, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        await EnsureRunStartedAsync().ConfigureAwait(false);
        var feature = _features.GetOrAdd(scenario.Feature, f => new FeatureState(f, _runContainer));
        await feature.EnsureStartedAsync(() => StartFeatureAsync(feature)).ConfigureAwait(false);
        ScenarioResult result;
        try
        {
            var blocker = BlockingError(feature);
            result = await new ScenarioRun(this, feature, scenario, blocker).RunAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            if (feature.ScenarioDone())
            {
                await FinishFeatureAsync(feature).ConfigureAwait(false);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task EndRunAsync()
    {
        if (Interlocked.Exchange(ref _runEnded, 1) == 1 || !Volatile.Read(ref _runStarted))
        {
            return;
        }

        // Under a test filter not every scenario of a feature runs, so some features never count down to zero.
        foreach (var feature in _features.Values.OrderBy(f => f.Feature.Path, StringComparer.Ordinal))
        {
            await FinishFeatureAsync(feature).ConfigureAwait(false);
        }

        var error = await RunHooksAsync(HookType.AfterTestRun, _runContainer, [], null, null).ConfigureAwait(false);
        Listeners.Raise(nameof(IGherkinRunListener.RunFinished), l => l.RunFinished(new RunFinishedEvent(RunContext, error?.Error)));
        DisposeQuietly(_runContainer, "disposing the test run's objects");
    }

    /// <summary>Releases the run's container without running hooks (<see cref="EndRunAsync"/> runs them).</summary>
    public void Dispose()
    {
        _runContainer.Dispose();
        _runGate.Dispose();
    }

    /// <summary>Runs the hooks of <paramref name="type"/> that apply, in order; returns the first failure (later hooks still run).</summary>
    internal async Task<(Exception Error, string Hook)?> RunHooksAsync(
        HookType type,
        IObjectContainer container,
        IReadOnlyList<string> tags,
        ScenarioCase? scenario,
        ScenarioStepContext? stepContext)
    {
        (Exception, string)? first = null;
        foreach (var hook in Registry.HooksOf(type).Where(h => h.AppliesTo(tags, scenario)))
        {
            Listeners.Raise(nameof(IGherkinRunListener.HookStarted), l => l.HookStarted(new HookStartedEvent(type, hook.DisplayName, scenario)));
            var started = Stopwatch.GetTimestamp();
            Exception? error = null;
            try
            {
                var instance = BindingInvoker.InstanceFor(hook.Method, hook.BindingType, container);
                await BindingInvoker.InvokeAsync(hook.Method, instance, BindingInvoker.HookArguments(hook.Method, container, stepContext)).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A hook's exception becomes the scenario's (or feature's) result.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = OutcomeClassifier.Unwrap(ex);
                first ??= (error, $"[{type}] hook {hook.DisplayName}");
            }

            var status = error is null ? ScenarioStatus.Passed : OutcomeClassifier.StatusOf(error);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Listeners.Raise(nameof(IGherkinRunListener.HookFinished), l => l.HookFinished(new HookFinishedEvent(type, hook.DisplayName, scenario, status, elapsed, error)));
        }

        return first;
    }

    private (Exception Error, string Hook)? BlockingError(FeatureState feature)
    {
        if (Registry.Errors.Count > 0 && Interlocked.Exchange(ref _errorsReported, 1) == 0)
        {
            var error = new InvalidOperationException("binding errors:\n" + string.Join("\n", Registry.Errors));
            return (error, "binding discovery");
        }

        return _runStartError ?? feature.StartError;
    }

    private async Task EnsureRunStartedAsync()
    {
        await _runGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_runStarted)
            {
                Listeners.Raise(nameof(IGherkinRunListener.RunStarted), l => l.RunStarted(new RunStartedEvent(RunContext)));
                _runStartError = await RunHooksAsync(HookType.BeforeTestRun, _runContainer, [], null, null).ConfigureAwait(false);
                Volatile.Write(ref _runStarted, true);
            }
        }
        finally
        {
            _runGate.Release();
        }
    }

    private async Task<(Exception, string)?> StartFeatureAsync(FeatureState feature)
    {
        Listeners.Raise(nameof(IGherkinRunListener.FeatureStarted), l => l.FeatureStarted(new FeatureStartedEvent(feature.Feature, feature.Info)));
        var error = await RunHooksAsync(HookType.BeforeFeature, feature.Container, feature.Feature.Tags, null, null).ConfigureAwait(false);
        if (error is not null)
        {
            feature.Context.TestError = error.Value.Error;
        }

        return error;
    }

    private async Task FinishFeatureAsync(FeatureState feature)
    {
        if (!feature.TryFinish())
        {
            return;
        }

        var error = await RunHooksAsync(HookType.AfterFeature, feature.Container, feature.Feature.Tags, null, null).ConfigureAwait(false);
        if (error is not null)
        {
            feature.Context.TestError ??= error.Value.Error;
            (Options.Log ?? Console.Out).WriteLine($"{feature.Feature.DisplayPath}:{feature.Feature.Line}: {error.Value.Hook} failed: {error.Value.Error}");
        }

        Listeners.Raise(nameof(IGherkinRunListener.FeatureFinished), l => l.FeatureFinished(new FeatureFinishedEvent(feature.Feature, feature.Info, feature.Context.TestError)));

        // A scenario run again later (a retry) starts the feature afresh.
        _features.TryRemove(new KeyValuePair<FeatureDocument, FeatureState>(feature.Feature, feature));
        DisposeQuietly(feature, $"{feature.Feature.DisplayPath}:{feature.Feature.Line}: disposing the feature's objects");
    }

    /// <summary>
    /// Feature and run teardown happen after their scenarios reported; an object that throws while disposed is logged
    /// like a failed AfterFeature hook instead of ending the run before its summary.
    /// </summary>
    private void DisposeQuietly(IDisposable disposable, string what)
    {
        if (new ContainerDisposal(disposable).DisposeNow() is { } error)
        {
            (Options.Log ?? Console.Out).WriteLine($"{what} failed: {error}");
        }
    }
}

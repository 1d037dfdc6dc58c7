using System.Collections.Specialized;
using System.Diagnostics;
using System.Globalization;
using BoDi;
using DerSim.Harness.Gherkin.Conversion;
using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>One scenario's execution: its container, contexts, hooks and steps, laid out in phases like Reqnroll's engine.</summary>
internal sealed class ScenarioRun
{
    private readonly TestRunner _runner;
    private readonly FeatureState _feature;
    private readonly ScenarioCase _scenario;
    private readonly (Exception Error, string Hook)? _blocker;
    private readonly List<StepResult> _steps = [];
    private readonly List<string> _messages = [];
    private ScenarioStatus _status = ScenarioStatus.Passed;
    private Exception? _error;

    public ScenarioRun(TestRunner runner, FeatureState feature, ScenarioCase scenario, (Exception Error, string Hook)? blocker)
    {
        _runner = runner;
        _feature = feature;
        _scenario = scenario;
        _blocker = blocker;
        Context = new ScenarioContext(InfoOf(scenario));
    }

    public ScenarioContext Context { get; }

    private string Location => $"{_scenario.Feature.DisplayPath}:{_scenario.Line}";

    public async Task<ScenarioResult> RunAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var hub = _runner.Listeners;
        hub.Raise(nameof(IGherkinRunListener.ScenarioStarted), l => l.ScenarioStarted(new ScenarioStartedEvent(_scenario, Context)));

        // 1. A scenario-wide container: binding instances are created in it on first use and disposed with it.
        var container = new ObjectContainer(_feature.Container);
        using var disposal = new ContainerDisposal(container);
        container.RegisterInstanceAs(Context);
        var converter = new StepArgumentConverter(
            [.. _runner.Registry.Transformations.Select(t => new ArgumentTransformation(t.Method, t.Regex, t.Name))],
            (method, arguments) => InvokeTransformation(method, arguments, container));

        // 2. Errors that stop the scenario before it starts: binding errors, a failed BeforeTestRun/BeforeFeature hook.
        if (_blocker is { } blocker)
        {
            Fail(OutcomeClassifier.StatusOf(blocker.Error) == ScenarioStatus.Failed ? ScenarioStatus.Failed : ScenarioStatus.Broken, blocker.Error, $"{Location}: {blocker.Hook} failed: {blocker.Error.Message}");
        }
        else
        {
            // 3. BeforeScenario hooks; a failure skips the steps but not the AfterScenario hooks.
            var hookError = await _runner.RunHooksAsync(HookType.BeforeScenario, container, _scenario.Tags, _scenario, null).ConfigureAwait(false);
            if (hookError is { } before)
            {
                Fail(OutcomeClassifier.StatusOf(before.Error), before.Error, $"{Location}: {before.Hook} failed: {before.Error.Message}");
            }
        }

        // 4. The steps, in order; after a non-passing one the rest are skipped (still matched unless stopAtFirstError).
        foreach (var step in _scenario.Steps)
        {
            await RunStepAsync(step, container, converter, ct).ConfigureAwait(false);
        }

        // 5. AfterScenario hooks run whatever happened; their failure only counts when the scenario had passed.
        Context.StepContext = null;
        var afterError = await _runner.RunHooksAsync(HookType.AfterScenario, container, _scenario.Tags, _scenario, null).ConfigureAwait(false);
        if (afterError is { } after)
        {
            Fail(OutcomeClassifier.StatusOf(after.Error), after.Error, $"{Location}: {after.Hook} failed: {after.Error.Message}");
        }

        // 6. The scenario's objects are disposed before it reports: a teardown that throws is this scenario's failure,
        // not the end of the run.
        if (disposal.DisposeNow() is { } disposeError)
        {
            Fail(ScenarioStatus.Broken, disposeError, $"{Location}: disposing the scenario's objects failed: {disposeError.Message}");
        }

        var result = new ScenarioResult(_scenario, _status, Stopwatch.GetElapsedTime(started), _error, string.Join("\n", _messages), _steps);
        var stepAttachmentCount = _stepAttachments;
        var stepParameterCount = _stepParameters;
        var attachments = Context.Attachments.Where((_, i) => !stepAttachmentCount.Contains(i)).ToList();
        var parameters = Context.Parameters.Where((_, i) => !stepParameterCount.Contains(i)).ToList();
        hub.Raise(nameof(IGherkinRunListener.ScenarioFinished), l => l.ScenarioFinished(new ScenarioFinishedEvent(result, attachments, parameters)));
        return result;
    }

    private readonly HashSet<int> _stepAttachments = [];
    private readonly HashSet<int> _stepParameters = [];

    private async Task RunStepAsync(ScenarioStep step, ObjectContainer container, StepArgumentConverter converter, CancellationToken ct)
    {
        var hub = _runner.Listeners;
        var stopped = _status != ScenarioStatus.Passed;
        StepMatchResult? match = stopped && _runner.Options.StopAtFirstError ? null : _runner.Registry.Match(step, _scenario);
        var binding = match?.Binding?.DisplayName;
        var table = step.DataTable is null ? null : Table.FromCells(step.DataTable);
        if (table is not null)
        {
            table.Culture = match?.Binding?.Culture ?? _runner.Options.BindingCulture;
        }

        var stepContext = new ScenarioStepContext(new StepInfo(step.Type, step.Text, table, step.DocString?.Content, binding));
        Context.StepContext = stepContext;
        hub.Raise(nameof(IGherkinRunListener.StepStarted), l => l.StepStarted(new StepStartedEvent(_scenario, step, binding)));
        var attachmentsBefore = Context.Attachments.Count;
        var parametersBefore = Context.Parameters.Count;
        var started = Stopwatch.GetTimestamp();
        var (status, error) = match switch
        {
            null => (ScenarioStatus.Skipped, null),
            { Kind: StepMatchKind.Undefined } => Report(ScenarioStatus.Undefined, step, $"{At(step)}: {step} is undefined; add a step definition:\n{match.Snippet}"),
            { Kind: StepMatchKind.Ambiguous } => Report(ScenarioStatus.Ambiguous, step, $"{At(step)}: {match.Message}"),
            { Kind: StepMatchKind.ParameterMismatch } => Report(ScenarioStatus.Broken, step, $"{At(step)}: {match.Message}"),
            _ when stopped => (ScenarioStatus.Skipped, null),
            _ => await ExecuteAsync(step, match, container, converter, stepContext, ct).ConfigureAwait(false),
        };

        stepContext.Status = status;
        var elapsed = status == ScenarioStatus.Skipped ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started);
        var result = new StepResult(step, status, elapsed, error, binding);
        _steps.Add(result);
        var attachments = Context.Attachments.Skip(attachmentsBefore).ToList();
        var parameters = Context.Parameters.Skip(parametersBefore).ToList();
        for (var i = attachmentsBefore; i < attachmentsBefore + attachments.Count; i++)
        {
            _stepAttachments.Add(i);
        }

        for (var i = parametersBefore; i < parametersBefore + parameters.Count; i++)
        {
            _stepParameters.Add(i);
        }

        hub.Raise(nameof(IGherkinRunListener.StepFinished), l => l.StepFinished(new StepFinishedEvent(_scenario, result, attachments, parameters)));
    }

    private async Task<(ScenarioStatus, Exception?)> ExecuteAsync(
        ScenarioStep step,
        StepMatchResult match,
        ObjectContainer container,
        StepArgumentConverter converter,
        ScenarioStepContext stepContext,
        CancellationToken ct)
    {
        // a. BeforeStep hooks: a failure there is the step's failure.
        var hookError = await _runner.RunHooksAsync(HookType.BeforeStep, container, _scenario.Tags, _scenario, stepContext).ConfigureAwait(false);
        Exception? error = hookError?.Error;

        // b. The step itself: convert the arguments with the binding culture, call, await.
        if (error is null)
        {
            try
            {
                ct.ThrowIfCancellationRequested();
                var definition = match.Binding!;
                var culture = definition.Culture ?? _runner.Options.BindingCulture;
                var arguments = Arguments(step, match, converter, culture, stepContext);
                var instance = BindingInvoker.InstanceFor(definition.Method, definition.BindingType, container);
                await BindingInvoker.InvokeAsync(definition.Method, instance, arguments).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever a step throws is its outcome.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = OutcomeClassifier.Unwrap(ex);
            }
        }

        // c. AfterStep hooks run even after a failed step (Reqnroll does the same).
        stepContext.Status = error is null ? ScenarioStatus.Passed : OutcomeClassifier.StatusOf(error);
        var afterError = await _runner.RunHooksAsync(HookType.AfterStep, container, _scenario.Tags, _scenario, stepContext).ConfigureAwait(false);
        error ??= afterError?.Error;
        if (error is null)
        {
            return (ScenarioStatus.Passed, null);
        }

        var status = OutcomeClassifier.StatusOf(error);
        var verdict = status switch
        {
            ScenarioStatus.Pending => $"{step} is pending: {error.Message}",
            ScenarioStatus.NotApplicable => $"not applicable: {error.Message}",
            ScenarioStatus.Failed => $"{step} failed: {error.Message}",
            _ => $"{step} failed: {error.GetType().Name}: {error.Message}",
        };
        Fail(status, error, $"{At(step)}: {verdict}");
        return (status, error);
    }

    private object?[] Arguments(ScenarioStep step, StepMatchResult match, StepArgumentConverter converter, CultureInfo culture, ScenarioStepContext stepContext)
    {
        var parameters = match.Binding!.Method.GetParameters();
        var values = new object?[parameters.Length];
        for (var i = 0; i < match.Arguments.Count; i++)
        {
            var argument = match.Arguments[i];
            var target = parameters[i].ParameterType;
            if (argument.ParameterType?.Transform is { } transform &&
                transform([argument.Value], culture) is var transformed &&
                (transformed is null ? !target.IsValueType || Nullable.GetUnderlyingType(target) is not null : target.IsInstanceOfType(transformed)))
            {
                values[i] = transformed;
                continue;
            }

            values[i] = converter.Convert(argument.Value, target, culture, argument.ParameterType?.Name);
        }

        if (parameters.Length > match.Arguments.Count)
        {
            var target = parameters[^1].ParameterType;
            object? block = stepContext.StepInfo.Table is { } table ? table : step.DocString?.Content;
            values[^1] = converter.Convert(block, target, culture);
        }

        return values;
    }

    private object? InvokeTransformation(System.Reflection.MethodInfo method, object?[] arguments, IObjectContainer container)
    {
        var transformation = _runner.Registry.Transformations.First(t => t.Method == method);
        var instance = BindingInvoker.InstanceFor(method, transformation.BindingType, container);

        // Transformations are synchronous in Reqnroll's converter; an async one is awaited here, off the caller's context.
        return Task.Run(() => BindingInvoker.InvokeAsync(method, instance, arguments)).GetAwaiter().GetResult();
    }

    private (ScenarioStatus, Exception?) Report(ScenarioStatus status, ScenarioStep step, string message)
    {
        var error = new InvalidOperationException(message);
        Fail(status, error, message);
        return (status, error);
    }

    private void Fail(ScenarioStatus status, Exception error, string message)
    {
        _messages.Add(message);
        if (_status == ScenarioStatus.Passed)
        {
            _status = status;
            _error = error;
            Context.TestError = error;
            Context.ScenarioExecutionStatus = status;
        }
    }

    private string At(ScenarioStep step) => $"{_scenario.Feature.DisplayPath}:{step.Line}";

    private static ScenarioInfo InfoOf(ScenarioCase scenario)
    {
        var arguments = new OrderedDictionary(StringComparer.Ordinal);
        foreach (var (key, value) in scenario.Arguments)
        {
            arguments.Add(key, value);
        }

        var own = scenario.Tags.Where(t => !scenario.Feature.Tags.Contains(t, StringComparer.Ordinal)).ToList();
        return new ScenarioInfo(scenario.Title, scenario.Description, own, scenario.Tags, arguments, scenario.Rule) { Id = scenario.Id, TestName = scenario.TestName, FeatureFile = scenario.Feature.DisplayPath };
    }
}

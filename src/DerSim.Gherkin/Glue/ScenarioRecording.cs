using System.Diagnostics;
using DerSim.Gherkin.Model;
using Reqnroll;

namespace DerSim.Gherkin.Glue;

using ScenarioContext = global::Reqnroll.ScenarioContext;

/// <summary>
/// What one scenario's run produced beyond Reqnroll's own model: the <see cref="ScenarioCase"/> it runs, each step's
/// result, and the attachments and parameters bindings reported (Reqnroll's output helper only takes file paths).
/// Kept in the scenario's <see cref="ScenarioContext"/>; the executor fills it around each step call.
/// </summary>
public sealed class ScenarioRecording
{
    private const string Key = "glue:scenario-recording";
    private readonly List<ScenarioAttachment> _attachments = [];
    private readonly List<ScenarioParameter> _parameters = [];
    private readonly List<StepResult> _steps = [];
    private long _stepStarted;
    private int _stepAttachments;
    private int _stepParameters;

    internal ScenarioRecording(ScenarioCase scenario) => Scenario = scenario;

    /// <summary>The scenario (pickle) being run.</summary>
    public ScenarioCase Scenario { get; }

    /// <summary>The steps' results so far, in order.</summary>
    public IReadOnlyList<StepResult> Steps
    {
        get
        {
            lock (_steps)
            {
                return [.. _steps];
            }
        }
    }

    /// <summary>The step running now, or the next one; null after the last.</summary>
    public ScenarioStep? CurrentStep
    {
        get
        {
            lock (_steps)
            {
                return _steps.Count < Scenario.Steps.Count ? Scenario.Steps[_steps.Count] : null;
            }
        }
    }

    /// <summary>The recording of <paramref name="context"/>'s scenario, or null outside a DerSim-run scenario.</summary>
    public static ScenarioRecording? Of(ScenarioContext? context) =>
        context is not null && context.TryGetValue(Key, out var value) ? value as ScenarioRecording : null;

    internal void AttachTo(ScenarioContext context) => context[Key] = this;

    /// <summary>Adds an attachment to the running step (or to the scenario outside steps).</summary>
    public void AddAttachment(ScenarioAttachment attachment)
    {
        lock (_attachments)
        {
            _attachments.Add(attachment);
        }
    }

    /// <summary>Adds a parameter to the running step (or to the scenario outside steps).</summary>
    public void AddParameter(ScenarioParameter parameter)
    {
        lock (_parameters)
        {
            _parameters.Add(parameter);
        }
    }

    internal void StepStarted()
    {
        _stepStarted = Stopwatch.GetTimestamp();
        lock (_attachments)
        {
            _stepAttachments = _attachments.Count;
        }

        lock (_parameters)
        {
            _stepParameters = _parameters.Count;
        }
    }

    internal (StepResult Result, IReadOnlyList<ScenarioAttachment> Attachments, IReadOnlyList<ScenarioParameter> Parameters) StepFinished(
        ScenarioStatus status, Exception? error, string? binding)
    {
        var step = CurrentStep ?? throw new InvalidOperationException($"{Scenario.TestName}: more steps finished than the scenario has");
        var result = new StepResult(step, status, status == ScenarioStatus.Skipped ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_stepStarted), error, binding);
        lock (_steps)
        {
            _steps.Add(result);
        }

        return (result, Take(_attachments, _stepAttachments, true), Take(_parameters, _stepParameters, true));
    }

    /// <summary>What was reported outside steps (hooks before the first or after the last step).</summary>
    internal (IReadOnlyList<ScenarioAttachment> Attachments, IReadOnlyList<ScenarioParameter> Parameters) OutsideSteps() =>
        (Take(_attachments, 0, false), Take(_parameters, 0, false));

    private static List<T> Take<T>(List<T> items, int from, bool remove)
    {
        lock (items)
        {
            var taken = items.Skip(from).ToList();
            if (remove)
            {
                items.RemoveRange(from, items.Count - from);
            }

            return taken;
        }
    }
}

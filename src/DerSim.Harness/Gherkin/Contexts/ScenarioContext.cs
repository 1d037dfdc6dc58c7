using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Gherkin;

/// <summary>
/// Values shared by the bindings of one scenario, and what is known about it (Reqnroll's ScenarioContext); injectable
/// into binding classes and hooks. Bindings add attachments and parameters here for reporters.
/// </summary>
public sealed class ScenarioContext : KeyedContext
{
    private readonly List<ScenarioAttachment> _attachments = [];
    private readonly List<ScenarioParameter> _parameters = [];

    /// <summary>Creates the context of the scenario <paramref name="scenarioInfo"/>.</summary>
    public ScenarioContext(ScenarioInfo scenarioInfo)
    {
        ScenarioInfo = scenarioInfo;
    }

    /// <summary>The running scenario.</summary>
    public ScenarioInfo ScenarioInfo { get; }

    /// <summary>The error that ended the scenario, or null while it passes.</summary>
    public Exception? TestError { get; internal set; }

    /// <summary>The running step; null outside steps (in scenario hooks).</summary>
    public ScenarioStepContext? StepContext { get; internal set; }

    /// <summary>The scenario's outcome so far.</summary>
    public ScenarioStatus ScenarioExecutionStatus { get; internal set; }

    /// <summary>Every attachment added so far, in order.</summary>
    public IReadOnlyList<ScenarioAttachment> Attachments
    {
        get
        {
            lock (_attachments)
            {
                return [.. _attachments];
            }
        }
    }

    /// <summary>Every parameter added so far, in order.</summary>
    public IReadOnlyList<ScenarioParameter> Parameters
    {
        get
        {
            lock (_parameters)
            {
                return [.. _parameters];
            }
        }
    }

    /// <summary>Marks the running step as not implemented yet: it ends Pending.</summary>
    /// <exception cref="PendingStepException">Always.</exception>
    public void Pending() => throw new PendingStepException();

    /// <summary>Ends the scenario as not applicable to the configuration under test.</summary>
    /// <exception cref="NotApplicableException">Always.</exception>
    public void NotApplicable(string reason) => throw new NotApplicableException(reason);

    /// <summary>Attaches a file to the running step (or the scenario, from a hook) for reporters.</summary>
    public void AddAttachment(string name, string mimeType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_attachments)
        {
            _attachments.Add(new ScenarioAttachment(name, mimeType, content));
        }
    }

    /// <summary>Reports a name/value pair for the running step (or the scenario, from a hook) to reporters.</summary>
    public void AddParameter(string name, string value)
    {
        lock (_parameters)
        {
            _parameters.Add(new ScenarioParameter(name, value));
        }
    }
}

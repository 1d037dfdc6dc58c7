using Reqnroll;

namespace DerSim.Gherkin.Glue;

using ScenarioContext = global::Reqnroll.ScenarioContext;

/// <summary>
/// What DerSim's bindings add to Reqnroll's <see cref="ScenarioContext"/>: in-memory attachments and parameters for the
/// reports, and the NOT APPLICABLE verdict.
/// </summary>
public static class ScenarioContextExtensions
{
    /// <summary>Attaches <paramref name="content"/> to the running step (or to the scenario from a scenario hook).</summary>
    public static void AddAttachment(this ScenarioContext context, string name, string mimeType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ScenarioRecording.Of(context)?.AddAttachment(new ScenarioAttachment(name, mimeType, content));
    }

    /// <summary>Reports a parameter of the run (OCPP version, profile, CSMS) for the running step or the scenario.</summary>
    public static void AddParameter(this ScenarioContext context, string name, string value) =>
        ScenarioRecording.Of(context)?.AddParameter(new ScenarioParameter(name, value));

    /// <summary>The scenario's unique test name (outline rows carry their example values), as in the reports.</summary>
    public static string TestName(this ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ScenarioRecording.Of(context)?.Scenario.TestName ?? context.ScenarioInfo.Title;
    }

    /// <summary>The scenario's outcome so far, as DerSim reports it (NOT APPLICABLE and INCONCLUSIVE apart from skipped).</summary>
    public static Model.ScenarioStatus Outcome(this ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReqnrollExecutor.StatusOf(context.ScenarioExecutionStatus, context.TestError);
    }

    /// <summary>Ends the scenario as NOT APPLICABLE with <paramref name="reason"/> (e.g. the target lacks the feature).</summary>
    /// <exception cref="NotApplicableException">Always.</exception>
    public static void NotApplicable(this ScenarioContext context, string reason) => throw new NotApplicableException(reason);

    /// <summary>Ends the scenario as INCONCLUSIVE with <paramref name="reason"/> (an operator or API action did not happen in time).</summary>
    /// <exception cref="ScenarioInconclusiveException">Always.</exception>
    public static void Inconclusive(this ScenarioContext context, string reason) => throw new ScenarioInconclusiveException(reason);
}

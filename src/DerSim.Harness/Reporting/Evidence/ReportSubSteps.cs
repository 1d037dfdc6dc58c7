using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Reporting.Evidence;

/// <summary>
/// The channel from bindings and hooks to reporters for sub-steps of the running step: the binding layer has no
/// nested-step event, so they wait in the scenario's context until the reporter takes them when the step ends.
/// </summary>
public static class ReportSubSteps
{
    private const string Key = "DerSim.Reporting.SubSteps";

    /// <summary>Adds a sub-step to the running step of <paramref name="context"/>.</summary>
    public static void Add(ScenarioContext context, ReportSubStep step) => ContextQueue.Add(context, Key, step);

    /// <summary>Removes and returns the sub-steps added since the last call.</summary>
    public static IReadOnlyList<ReportSubStep> Take(ScenarioContext context) => ContextQueue.Take<ReportSubStep>(context, Key);
}

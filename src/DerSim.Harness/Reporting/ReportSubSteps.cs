using DerSim.Harness.Gherkin;

namespace DerSim.Harness.Reporting;

/// <summary>
/// The channel from bindings and hooks to reporters for sub-steps of the running step: the binding layer has no
/// nested-step event, so they wait in the scenario's context until the reporter takes them when the step ends.
/// </summary>
public static class ReportSubSteps
{
    private const string Key = "DerSim.Reporting.SubSteps";

    /// <summary>Adds a sub-step to the running step of <paramref name="context"/>.</summary>
    public static void Add(ScenarioContext context, ReportSubStep step)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(step);
        lock (context)
        {
            if (!context.TryGetValue<List<ReportSubStep>>(Key, out var steps))
            {
                steps = [];
                context.Set(steps, Key);
            }

            steps.Add(step);
        }
    }

    /// <summary>Removes and returns the sub-steps added since the last call.</summary>
    public static IReadOnlyList<ReportSubStep> Take(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (context)
        {
            if (!context.TryGetValue<List<ReportSubStep>>(Key, out var steps) || steps.Count == 0)
            {
                return [];
            }

            var taken = steps.ToList();
            steps.Clear();
            return taken;
        }
    }
}

using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Reporting.Evidence;

/// <summary>
/// The channel from hooks to reporters for links to a scenario's files: they wait in the scenario's context until the
/// reporter takes them when the scenario ends.
/// </summary>
public static class ReportLinks
{
    private const string Key = "DerSim.Reporting.Links";

    /// <summary>Adds a link to the scenario of <paramref name="context"/>.</summary>
    public static void Add(ScenarioContext context, ReportLink link) => ContextQueue.Add(context, Key, link);

    /// <summary>Removes and returns the links added so far.</summary>
    public static IReadOnlyList<ReportLink> Take(ScenarioContext context) => ContextQueue.Take<ReportLink>(context, Key);
}

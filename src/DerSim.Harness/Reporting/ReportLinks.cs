using DerSim.Harness.Gherkin;

namespace DerSim.Harness.Reporting;

/// <summary>
/// The channel from hooks to reporters for links to a scenario's files: they wait in the scenario's context until the
/// reporter takes them when the scenario ends.
/// </summary>
public static class ReportLinks
{
    private const string Key = "DerSim.Reporting.Links";

    /// <summary>Adds a link to the scenario of <paramref name="context"/>.</summary>
    public static void Add(ScenarioContext context, ReportLink link)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(link);
        lock (context)
        {
            if (!context.TryGetValue<List<ReportLink>>(Key, out var links))
            {
                links = [];
                context.Set(links, Key);
            }

            links.Add(link);
        }
    }

    /// <summary>Removes and returns the links added so far.</summary>
    public static IReadOnlyList<ReportLink> Take(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (context)
        {
            if (!context.TryGetValue<List<ReportLink>>(Key, out var links) || links.Count == 0)
            {
                return [];
            }

            var taken = links.ToList();
            links.Clear();
            return taken;
        }
    }
}

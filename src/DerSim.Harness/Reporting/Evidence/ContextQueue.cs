using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Reporting.Evidence;

/// <summary>
/// A list kept in a scenario's context under a key: bindings and hooks add to it, a reporter takes what has gathered.
/// The one mechanism behind <see cref="ReportSubSteps"/> and <see cref="ReportLinks"/>.
/// </summary>
internal static class ContextQueue
{
    /// <summary>Adds <paramref name="item"/> to the list under <paramref name="key"/>.</summary>
    public static void Add<T>(ScenarioContext context, string key, T item)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        lock (context)
        {
            if (!context.TryGetValue<List<T>>(key, out var items))
            {
                items = [];
                context.Set(items, key);
            }

            items.Add(item);
        }
    }

    /// <summary>Removes and returns what was added under <paramref name="key"/> since the last call.</summary>
    public static IReadOnlyList<T> Take<T>(ScenarioContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (context)
        {
            if (!context.TryGetValue<List<T>>(key, out var items) || items.Count == 0)
            {
                return [];
            }

            var taken = items.ToList();
            items.Clear();
            return taken;
        }
    }
}

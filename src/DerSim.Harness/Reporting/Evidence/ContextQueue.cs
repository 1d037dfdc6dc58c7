using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Reporting.Evidence;

/// <summary>
/// A list kept in a scenario's context under a key: bindings and hooks add to it, a reporter takes what has gathered.
/// The one mechanism behind each of <see cref="ReportChannels"/>.
/// </summary>
/// <typeparam name="T">What the list holds.</typeparam>
/// <param name="key">The context key; one per channel.</param>
public sealed class ContextQueue<T>(string key)
    where T : notnull
{
    /// <summary>Adds <paramref name="item"/> to the list of <paramref name="context"/>.</summary>
    public void Add(ScenarioContext context, T item)
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

    /// <summary>Removes and returns what was added to the list of <paramref name="context"/> since the last call.</summary>
    public IReadOnlyList<T> Take(ScenarioContext context)
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

namespace DerSim.Gherkin.Tests.Runtime;

/// <summary>What the test bindings did, in order; cleared before each test (the runner fixtures are not parallel).</summary>
internal static class Calls
{
    private static readonly List<string> Log = [];

    public static void Add(string call)
    {
        lock (Log)
        {
            Log.Add(call);
        }
    }

    public static IReadOnlyList<string> All
    {
        get
        {
            lock (Log)
            {
                return [.. Log];
            }
        }
    }

    public static void Clear()
    {
        lock (Log)
        {
            Log.Clear();
        }
    }
}

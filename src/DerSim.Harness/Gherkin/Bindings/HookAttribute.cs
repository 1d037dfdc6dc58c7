namespace DerSim.Harness.Gherkin;

/// <summary>A hook: runs around the test run, a feature, a scenario or a step, filtered by tags, ordered by <see cref="Order"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class HookAttribute : Attribute
{
    /// <summary>Reqnroll's default order.</summary>
    public const int DefaultOrder = 10000;

    /// <summary>Creates a hook of <paramref name="type"/> that runs only for the given tags (any of them; none: always).</summary>
    protected HookAttribute(HookType type, string[] tags)
    {
        Type = type;
        Tags = tags;
    }

    /// <summary>When the hook runs.</summary>
    public HookType Type { get; }

    /// <summary>Tag filter (with or without <c>@</c>); the hook runs when any matches.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Lower runs first (for After hooks too, as in Reqnroll).</summary>
    public int Order { get; set; } = DefaultOrder;
}

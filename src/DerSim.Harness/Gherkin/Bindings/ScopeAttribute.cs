namespace DerSim.Harness.Gherkin;

/// <summary>
/// Restricts a binding class or method to scenarios with <see cref="Tag"/>, in feature <see cref="Feature"/>, named
/// <see cref="Scenario"/> (all given must hold; several attributes: any of them). A scoped match wins over an unscoped one.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScopeAttribute : Attribute
{
    /// <summary>A tag, with or without <c>@</c>.</summary>
    public string? Tag { get; set; }

    /// <summary>A feature title.</summary>
    public string? Feature { get; set; }

    /// <summary>A scenario title.</summary>
    public string? Scenario { get; set; }
}

namespace DerSim.Harness.Gherkin;

/// <summary>
/// Converts step arguments to the method's return type. With a <see cref="Regex"/>, the method's parameters take the
/// groups; with a <see cref="Name"/>, Cucumber expressions may use it as <c>{name}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StepArgumentTransformationAttribute : Attribute
{
    /// <summary>A transformation taking the whole argument (or a table).</summary>
    public StepArgumentTransformationAttribute()
    {
    }

    /// <summary>A transformation for arguments matching <paramref name="regex"/>.</summary>
    public StepArgumentTransformationAttribute(string regex)
    {
        Regex = regex;
    }

    /// <summary>The pattern the argument must match; its groups are the method's arguments.</summary>
    public string? Regex { get; set; }

    /// <summary>The parameter type's name in Cucumber expressions (<c>{name}</c>); defaults to the return type's name.</summary>
    public string? Name { get; set; }
}

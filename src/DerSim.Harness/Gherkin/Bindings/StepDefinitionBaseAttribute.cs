namespace DerSim.Harness.Gherkin;

/// <summary>
/// A step definition: <see cref="Expression"/> is a Cucumber expression or a regular expression, told apart by
/// Reqnroll's rule. A method may carry several.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepDefinitionBaseAttribute : Attribute
{
    /// <summary>Creates the attribute for the given keywords.</summary>
    protected StepDefinitionBaseAttribute(string? expression, params StepDefinitionType[] types)
    {
        Expression = expression;
        Types = types;
    }

    /// <summary>The expression; null derives one from the method name (Reqnroll's underscore convention).</summary>
    public string? Expression { get; }

    /// <summary>The keywords this definition answers to.</summary>
    public IReadOnlyList<StepDefinitionType> Types { get; }

    /// <summary>Culture for argument conversion, overriding <c>language.binding</c>.</summary>
    public string? Culture { get; set; }
}

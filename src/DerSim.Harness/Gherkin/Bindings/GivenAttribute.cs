namespace DerSim.Harness.Gherkin;

/// <summary>A Given step definition.</summary>
public sealed class GivenAttribute : StepDefinitionBaseAttribute
{
    /// <summary>A definition whose expression derives from the method name.</summary>
    public GivenAttribute()
        : base(null, StepDefinitionType.Given)
    {
    }

    /// <summary>A definition matching <paramref name="expression"/>.</summary>
    public GivenAttribute(string expression)
        : base(expression, StepDefinitionType.Given)
    {
    }
}

namespace DerSim.Harness.Gherkin;

/// <summary>A When step definition.</summary>
public sealed class WhenAttribute : StepDefinitionBaseAttribute
{
    /// <summary>A definition whose expression derives from the method name.</summary>
    public WhenAttribute()
        : base(null, StepDefinitionType.When)
    {
    }

    /// <summary>A definition matching <paramref name="expression"/>.</summary>
    public WhenAttribute(string expression)
        : base(expression, StepDefinitionType.When)
    {
    }
}

namespace DerSim.Harness.Gherkin;

/// <summary>A Then step definition.</summary>
public sealed class ThenAttribute : StepDefinitionBaseAttribute
{
    /// <summary>A definition whose expression derives from the method name.</summary>
    public ThenAttribute()
        : base(null, StepDefinitionType.Then)
    {
    }

    /// <summary>A definition matching <paramref name="expression"/>.</summary>
    public ThenAttribute(string expression)
        : base(expression, StepDefinitionType.Then)
    {
    }
}

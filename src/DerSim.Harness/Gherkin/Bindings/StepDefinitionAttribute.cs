namespace DerSim.Harness.Gherkin;

/// <summary>A step definition answering to Given, When and Then alike.</summary>
public sealed class StepDefinitionAttribute : StepDefinitionBaseAttribute
{
    /// <summary>A definition whose expression derives from the method name.</summary>
    public StepDefinitionAttribute()
        : base(null, StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then)
    {
    }

    /// <summary>A definition matching <paramref name="expression"/>.</summary>
    public StepDefinitionAttribute(string expression)
        : base(expression, StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then)
    {
    }
}

namespace DerSim.Harness.Gherkin;

/// <summary>The kind of a step: its keyword, with And/But taking the kind of the step before them.</summary>
public enum StepDefinitionType
{
    /// <summary>A Given step: context.</summary>
    Given,

    /// <summary>A When step: action.</summary>
    When,

    /// <summary>A Then step: outcome.</summary>
    Then,
}

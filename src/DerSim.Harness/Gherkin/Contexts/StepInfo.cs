namespace DerSim.Harness.Gherkin;

/// <summary>What a binding may know about the running step.</summary>
/// <param name="StepDefinitionType">Given, When or Then (And/But take the type before them).</param>
/// <param name="Text">The step text after the keyword.</param>
/// <param name="Table">The step's data table, or null.</param>
/// <param name="MultilineText">The step's doc string, or null.</param>
/// <param name="BindingMatch">The matched method as "Class.Method(types)", or null when none matched.</param>
public sealed record StepInfo(StepDefinitionType StepDefinitionType, string Text, Table? Table, string? MultilineText, string? BindingMatch);

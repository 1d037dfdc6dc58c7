namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>
/// One captured argument: its text (null for an optional group that did not take part), where it starts in the step
/// text, and the Cucumber parameter type that captured it (null for a regular expression group).
/// </summary>
public sealed record StepArgument(string? Value, int Start, ParameterType? ParameterType);

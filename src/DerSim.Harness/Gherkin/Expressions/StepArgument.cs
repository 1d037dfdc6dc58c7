namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>
/// One captured argument: its text (null for an optional group that did not take part), where it starts in the step
/// text, and the Cucumber parameter type that captured it (null for a regular expression group).
/// </summary>
public sealed record StepArgument(string? Value, int Start, ParameterType? ParameterType)
{
    /// <summary>
    /// The capture groups of the parameter type's regular expression (the whole match when it has none), for a
    /// <see cref="Expressions.ParameterType.Transform"/>; null for a regular expression group.
    /// </summary>
    public IReadOnlyList<string?>? Groups { get; init; }
}

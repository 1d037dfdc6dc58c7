namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>
/// A Cucumber parameter type: <c>{Name}</c> in an expression matches any of <see cref="Regexps"/> and converts to
/// <see cref="Type"/> with <see cref="Transform"/> (null: the ordinary argument conversion of the target parameter).
/// </summary>
public sealed record ParameterType(string Name, IReadOnlyList<string> Regexps, Type Type, Func<string?[], System.Globalization.CultureInfo, object?>? Transform = null)
{
    /// <summary>Whether snippets for undefined steps may propose this type.</summary>
    public bool UseForSnippets { get; init; } = true;
}

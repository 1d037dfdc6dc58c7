namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>A compiled step expression: a Cucumber expression or a regular expression, matched against a whole step text.</summary>
public interface IStepExpression
{
    /// <summary>The expression as written in the attribute.</summary>
    string Source { get; }

    /// <summary>Whether <see cref="Source"/> was read as a regular expression.</summary>
    bool IsRegex { get; }

    /// <summary>The arguments when the whole of <paramref name="text"/> matches; null otherwise.</summary>
    IReadOnlyList<StepArgument>? Match(string text);
}

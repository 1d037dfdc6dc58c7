using System.Text.RegularExpressions;

namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>A step expression read as a regular expression, anchored at both ends; each group is an argument.</summary>
public sealed class RegexStepExpression : IStepExpression
{
    private readonly Regex _regex;

    /// <summary>Compiles <paramref name="source"/>; anchors are added when missing.</summary>
    /// <exception cref="StepExpressionException">The pattern is not a valid regular expression.</exception>
    public RegexStepExpression(string source)
    {
        Source = source;
        var pattern = source;
        if (!pattern.StartsWith('^'))
        {
            pattern = "^" + pattern;
        }

        if (!pattern.EndsWith('$') || pattern.EndsWith("\\$", StringComparison.Ordinal))
        {
            pattern += "$";
        }

        try
        {
            _regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new StepExpressionException(source, ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public bool IsRegex => true;

    /// <inheritdoc />
    public IReadOnlyList<StepArgument>? Match(string text)
    {
        var match = _regex.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var arguments = new StepArgument[match.Groups.Count - 1];
        for (var i = 1; i < match.Groups.Count; i++)
        {
            var group = match.Groups[i];
            arguments[i - 1] = new StepArgument(group.Success ? group.Value : null, group.Success ? group.Index : -1, null);
        }

        return arguments;
    }
}

using System.Text.RegularExpressions;

namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>Compiles the expression of a step definition attribute, telling regular from Cucumber expressions.</summary>
public static partial class StepExpressionFactory
{
    /// <summary>Compiles <paramref name="source"/> as a regular or a Cucumber expression (see <see cref="IsRegex"/>).</summary>
    /// <exception cref="StepExpressionException">The expression is malformed or names an unknown parameter type.</exception>
    public static IStepExpression Create(string source, ParameterTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(registry);
        return IsRegex(source) ? new RegexStepExpression(source) : new CucumberExpression(source, registry);
    }

    /// <summary>
    /// Reqnroll's rule: anchored (<c>^</c> at the start or <c>$</c> at the end) means regex; a <c>{name}</c> placeholder
    /// means Cucumber expression; otherwise the regex idioms <c>.*</c>, <c>(…+)</c>, <c>(…*)</c>, <c>\.</c> and
    /// <c>\d+</c> mean regex; anything else is a Cucumber expression.
    /// </summary>
    public static bool IsRegex(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.StartsWith('^') || source.EndsWith('$'))
        {
            return true;
        }

        if (Placeholder().IsMatch(source))
        {
            return false;
        }

        return CommonRegexIdiom().IsMatch(source) || ExtendedRegexIdiom().IsMatch(source);
    }

    [GeneratedRegex(@"\{\w*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\([^)]+[*+]\)|\.\*")]
    private static partial Regex CommonRegexIdiom();

    [GeneratedRegex(@"\\\.|\\d\+")]
    private static partial Regex ExtendedRegexIdiom();
}

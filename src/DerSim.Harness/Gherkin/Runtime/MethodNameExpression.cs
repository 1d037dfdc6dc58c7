using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using DerSim.Harness.Gherkin.Expressions;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>
/// The expression of a step attribute without one, derived from the method name as Reqnroll does:
/// <c>Given_the_EV_has_P0_kWh(int p0)</c> matches "the EV has 5 kWh" (words by underscores, or by capitals without any;
/// a leading keyword dropped; <c>P0</c>, <c>P1</c>… or a parameter's name in any case stand for the arguments; case and
/// punctuation between words are ignored).
/// </summary>
internal sealed class MethodNameExpression : IStepExpression
{
    private static readonly string[] Keywords = ["Given", "When", "Then", "And", "But"];
    private readonly Regex _regex;

    private MethodNameExpression(string source, string pattern)
    {
        Source = source;
        _regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Source { get; }

    public bool IsRegex => true;

    /// <summary>Derives the expression of <paramref name="method"/>.</summary>
    /// <exception cref="StepExpressionException">The name has no words, or names the arguments out of parameter order.</exception>
    public static MethodNameExpression Derive(MethodInfo method, bool lastParameterIsBlockArgument)
    {
        var words = Split(method.Name);
        if (words.Count > 1 && Keywords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        if (words.Count == 0)
        {
            throw new StepExpressionException(method.Name, "the method name gives no step text");
        }

        var parameters = method.GetParameters();
        var argumentCount = parameters.Length - (lastParameterIsBlockArgument ? 1 : 0);
        var source = new StringBuilder();
        var pattern = new StringBuilder(@"^\W*");
        var next = 0;
        var previousWasParameter = false;

        // P0, P1… and parameter names are two styles; a name using P0 does not also turn words into parameters.
        var positional = words.Any(w => PositionalIndex(w, argumentCount) >= 0);
        for (var i = 0; i < words.Count; i++)
        {
            var index = positional ? PositionalIndex(words[i], argumentCount) : NamedIndex(words[i], parameters, argumentCount);
            if (i > 0)
            {
                source.Append(' ');
                pattern.Append(index >= 0 ? @"\s+[""']?" : previousWasParameter ? @"[""']?\s+" : @"\W+");
            }
            else if (index >= 0)
            {
                pattern.Append(@"[""']?");
            }

            if (index >= 0)
            {
                if (index != next)
                {
                    throw new StepExpressionException(method.Name, $"the name uses parameter {index} where parameter {next} is due: name the arguments in parameter order");
                }

                next++;
                source.Append("(.*)");
                pattern.Append("(.*?)");
            }
            else
            {
                source.Append(words[i]);
                pattern.Append(Regex.Escape(words[i]));
            }

            previousWasParameter = index >= 0;
        }

        pattern.Append(previousWasParameter ? @"[""']?\W*$" : @"\W*$");
        if (next != argumentCount)
        {
            throw new StepExpressionException(method.Name, $"the name places {next} of the method's {argumentCount} arguments (use P0, P1… or the parameter names)");
        }

        return new MethodNameExpression(source.ToString(), pattern.ToString());
    }

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
            arguments[i - 1] = new StepArgument(match.Groups[i].Value, match.Groups[i].Index, null);
        }

        return arguments;
    }

    private static int PositionalIndex(string word, int argumentCount) =>
        word.Length > 1 && (word[0] is 'P' or 'p') && int.TryParse(word.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position < argumentCount
            ? position
            : -1;

    private static int NamedIndex(string word, ParameterInfo[] parameters, int argumentCount)
    {
        for (var i = 0; i < argumentCount; i++)
        {
            if (string.Equals(parameters[i].Name, word, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> Split(string name)
    {
        if (name.Contains('_', StringComparison.Ordinal))
        {
            return [.. name.Split('_', StringSplitOptions.RemoveEmptyEntries)];
        }

        // PascalCase: a word starts at a capital that follows a lower-case letter or digit, or that starts a
        // capitalised word after an acronym ("EVIsPlugged" → "EV", "Is", "Plugged").
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i < name.Length; i++)
        {
            var boundary = char.IsUpper(name[i]) &&
                (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary)
            {
                words.Add(name[start..i]);
                start = i;
            }
        }

        words.Add(name[start..]);
        return words;
    }
}

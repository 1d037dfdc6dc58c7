using System.Text;
using System.Text.RegularExpressions;

namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>
/// A Cucumber expression compiled to an anchored regular expression: text, <c>{parameter}</c>, <c>(optional)</c>,
/// <c>a/b</c> alternatives and backslash escapes. Each parameter becomes one <see cref="StepArgument"/>.
/// </summary>
public sealed class CucumberExpression : IStepExpression
{
    private readonly Regex _regex;
    private readonly List<ParameterSlot> _slots = [];

    /// <summary>Compiles <paramref name="source"/> against the parameter types of <paramref name="registry"/>.</summary>
    /// <exception cref="StepExpressionException">The expression breaks the grammar or names an unknown parameter type.</exception>
    public CucumberExpression(string source, ParameterTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(registry);
        Source = source;
        var nodes = CucumberExpressionParser.Parse(source);
        var pattern = new StringBuilder("^");
        var groupCount = 0;
        foreach (var node in nodes)
        {
            AppendNode(pattern, node, registry, ref groupCount);
        }

        pattern.Append('$');
        Pattern = pattern.ToString();
        try
        {
            _regex = new Regex(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new StepExpressionException(source, "a parameter type's regular expression is invalid: " + ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public bool IsRegex => false;

    /// <summary>The regular expression the expression compiled to.</summary>
    public string Pattern { get; }

    /// <summary>The parameter types of the expression's parameters, in order.</summary>
    public IReadOnlyList<ParameterType> ParameterTypes => _slots.ConvertAll(s => s.Type);

    /// <inheritdoc />
    public IReadOnlyList<StepArgument>? Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = _regex.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var arguments = new StepArgument[_slots.Count];
        for (var i = 0; i < _slots.Count; i++)
        {
            arguments[i] = _slots[i].Read(match);
        }

        return arguments;
    }

    /// <inheritdoc />
    public override string ToString() => Source;

    private void AppendNode(StringBuilder pattern, CucumberNode node, ParameterTypeRegistry registry, ref int groupCount)
    {
        switch (node)
        {
            case CucumberTextNode t:
                pattern.Append(Regex.Escape(t.Text));
                break;
            case CucumberWhitespaceNode w:
                pattern.Append(Regex.Escape(w.Text));
                break;
            case CucumberOptionalNode o:
                pattern.Append("(?:");
                foreach (var item in o.Items)
                {
                    pattern.Append(Regex.Escape(item is CucumberTextNode t ? t.Text : ((CucumberWhitespaceNode)item).Text));
                }

                pattern.Append(")?");
                break;
            case CucumberAlternationNode a:
                pattern.Append("(?:");
                for (var i = 0; i < a.Alternatives.Count; i++)
                {
                    if (i > 0)
                    {
                        pattern.Append('|');
                    }

                    foreach (var item in a.Alternatives[i])
                    {
                        AppendNode(pattern, item, registry, ref groupCount);
                    }
                }

                pattern.Append(')');
                break;
            case CucumberParameterNode p:
                AppendParameter(pattern, p, registry, ref groupCount);
                break;
            default:
                throw new StepExpressionException(Source, node.Column, "unexpected '/'");
        }
    }

    private void AppendParameter(StringBuilder pattern, CucumberParameterNode node, ParameterTypeRegistry registry, ref int groupCount)
    {
        if (!registry.TryGet(node.Name, out var type))
        {
            var known = string.Join(", ", registry.All.Select(t => "{" + t.Name + "}").Order(StringComparer.Ordinal));
            throw new StepExpressionException(Source, node.Column, $"undefined parameter type {{{node.Name}}}; define it with [StepArgumentTransformation(Name = \"{node.Name}\")] or use one of {known}");
        }

        var outer = ++groupCount;
        pattern.Append('(');
        var alternatives = new List<(int Group, int InnerCount)>();
        for (var i = 0; i < type.Regexps.Count; i++)
        {
            var regexp = StripAnchors(type.Regexps[i]);
            int inner;
            try
            {
                inner = new Regex(regexp, RegexOptions.CultureInvariant).GetGroupNumbers().Length - 1;
            }
            catch (ArgumentException ex)
            {
                throw new StepExpressionException(Source, $"the regular expression of {{{type.Name}}} is invalid: {ex.Message}", ex);
            }

            if (i > 0)
            {
                pattern.Append('|');
            }

            var group = ++groupCount;
            pattern.Append('(').Append(regexp).Append(')');
            groupCount += inner;
            alternatives.Add((group, inner));
        }

        pattern.Append(')');
        _slots.Add(new ParameterSlot(type, outer, alternatives));
    }

    private static string StripAnchors(string regexp)
    {
        if (regexp.StartsWith('^'))
        {
            regexp = regexp[1..];
        }

        if (regexp.EndsWith('$') && !regexp.EndsWith("\\$", StringComparison.Ordinal))
        {
            regexp = regexp[..^1];
        }

        return regexp;
    }

    private sealed record ParameterSlot(ParameterType Type, int Group, List<(int Group, int InnerCount)> Alternatives)
    {
        public StepArgument Read(Match match)
        {
            var outer = match.Groups[Group];
            foreach (var (group, innerCount) in Alternatives)
            {
                if (!match.Groups[group].Success)
                {
                    continue;
                }

                if (innerCount == 0)
                {
                    return new StepArgument(outer.Value, outer.Index, Type) { Groups = [outer.Value] };
                }

                var groups = new string?[innerCount];
                for (var k = 0; k < innerCount; k++)
                {
                    var inner = match.Groups[group + 1 + k];
                    groups[k] = inner.Success ? inner.Value : null;
                }

                var first = match.Groups[group + 1];
                var value = groups[0];
                if (Type.Name == ParameterTypeRegistry.StringTypeName && value is not null)
                {
                    // The quote that opened the string may appear escaped inside it.
                    var quote = outer.Value[0].ToString();
                    value = value.Replace("\\" + quote, quote, StringComparison.Ordinal);
                }

                return new StepArgument(value, first.Success ? first.Index : outer.Index, Type) { Groups = groups };
            }

            return new StepArgument(outer.Value, outer.Index, Type) { Groups = [outer.Value] };
        }
    }
}

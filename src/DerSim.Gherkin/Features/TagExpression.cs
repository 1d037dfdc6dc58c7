namespace DerSim.Gherkin.Features;

/// <summary>
/// A Cucumber tag expression ("@smart-charging and not (@slow or @manual)") that selects scenarios by their tags.
/// Tags may be written with or without '@'; <c>and</c> binds tighter than <c>or</c>, <c>not</c> tighter than both.
/// </summary>
public sealed class TagExpression
{
    private readonly Func<ISet<string>, bool> _evaluate;

    private TagExpression(string source, Func<ISet<string>, bool> evaluate)
    {
        Source = source;
        _evaluate = evaluate;
    }

    /// <summary>The expression as written.</summary>
    public string Source { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The expression is malformed; the message says where.</exception>
    public static TagExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            throw new FormatException($"tag expression \"{text}\" is empty");
        }

        var position = 0;
        var evaluate = ParseOr(tokens, ref position, text);
        if (position < tokens.Count)
        {
            throw new FormatException($"tag expression \"{text}\": unexpected \"{tokens[position]}\"");
        }

        return new TagExpression(text, evaluate);
    }

    /// <summary>Whether a scenario with <paramref name="tags"/> (with or without '@') is selected.</summary>
    public bool Matches(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return _evaluate(new HashSet<string>(tags.Select(Normalize), StringComparer.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public override string ToString() => Source;

    private static string Normalize(string tag) => tag.TrimStart('@');

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c is '(' or ')')
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return tokens;
    }

    private static Func<ISet<string>, bool> ParseOr(List<string> tokens, ref int position, string text)
    {
        var left = ParseAnd(tokens, ref position, text);
        while (position < tokens.Count && tokens[position] == "or")
        {
            position++;
            var l = left;
            var r = ParseAnd(tokens, ref position, text);
            left = tags => l(tags) || r(tags);
        }

        return left;
    }

    private static Func<ISet<string>, bool> ParseAnd(List<string> tokens, ref int position, string text)
    {
        var left = ParseNot(tokens, ref position, text);
        while (position < tokens.Count && tokens[position] == "and")
        {
            position++;
            var l = left;
            var r = ParseNot(tokens, ref position, text);
            left = tags => l(tags) && r(tags);
        }

        return left;
    }

    private static Func<ISet<string>, bool> ParseNot(List<string> tokens, ref int position, string text)
    {
        if (position >= tokens.Count)
        {
            throw new FormatException($"tag expression \"{text}\" ends where a tag was expected");
        }

        var token = tokens[position++];
        switch (token)
        {
            case "not":
                var inner = ParseNot(tokens, ref position, text);
                return tags => !inner(tags);
            case "(":
                var group = ParseOr(tokens, ref position, text);
                if (position >= tokens.Count || tokens[position] != ")")
                {
                    throw new FormatException($"tag expression \"{text}\": missing \")\"");
                }

                position++;
                return group;
            case ")" or "and" or "or":
                throw new FormatException($"tag expression \"{text}\": unexpected \"{token}\" where a tag was expected");
            default:
                var tag = Normalize(token);
                return tags => tags.Contains(tag);
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DerSim.Harness.Gherkin.Expressions;

namespace DerSim.Harness.Gherkin.Snippets;

/// <summary>
/// Proposes a step definition for an undefined step, in Cucumber-expression style: quoted text becomes
/// <c>{string}</c>, integers <c>{int}</c>, decimals <c>{float}</c> (and any other snippet-enabled type whose pattern
/// matches a whole word); a doc string or a data table is the last parameter.
/// </summary>
public static class SnippetGenerator
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(int)] = "int",
        [typeof(long)] = "long",
        [typeof(short)] = "short",
        [typeof(byte)] = "byte",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(object)] = "object",
    };

    /// <summary>Ready-to-paste C# for a step of <paramref name="type"/> reading <paramref name="stepText"/>.</summary>
    public static string Generate(StepDefinitionType type, string stepText, bool hasDocString, bool hasDataTable, ParameterTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(stepText);
        ArgumentNullException.ThrowIfNull(registry);
        var candidates = Candidates(registry);
        var expression = new StringBuilder();
        var words = new StringBuilder();
        var parameters = new List<string>();
        var pos = 0;
        while (pos < stepText.Length)
        {
            var found = AtWordStart(stepText, pos) ? Longest(stepText, pos, candidates) : null;
            if (found is { } hit)
            {
                expression.Append('{').Append(hit.Type.Name).Append('}');
                parameters.Add($"{CSharpType(hit.Type.Type)} p{parameters.Count}");
                pos += hit.Length;
                continue;
            }

            var c = stepText[pos];
            if (c is '(' or ')' or '{' or '}' or '/' or '\\')
            {
                expression.Append('\\');
            }

            expression.Append(c);
            words.Append(c);
            pos++;
        }

        if (hasDocString)
        {
            parameters.Add("string multilineText");
        }

        if (hasDataTable)
        {
            parameters.Add("DataTable dataTable");
        }

        var keyword = type.ToString();
        var literal = expression.ToString().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"[{keyword}(\"{literal}\")]\npublic void {keyword}{MethodName(words.ToString())}({string.Join(", ", parameters)})\n{{\n    throw new PendingStepException();\n}}";
    }

    private static List<(ParameterType Type, Regex Regex)> Candidates(ParameterTypeRegistry registry) =>
        registry.All
            .Where(t => t.UseForSnippets && t.Name.Length > 0 && !t.Regexps.Contains(ParameterTypeRegistry.AnythingRegex))
            .Select(t => (t, new Regex(@"\G(?:" + string.Join("|", t.Regexps.Select(r => "(?:" + r + ")")) + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))
            .ToList();

    private static (ParameterType Type, int Length)? Longest(string text, int pos, List<(ParameterType Type, Regex Regex)> candidates)
    {
        (ParameterType Type, int Length)? best = null;
        foreach (var (type, regex) in candidates)
        {
            var match = regex.Match(text, pos);
            if (match.Success && match.Length > 0 && AtWordEnd(text, pos + match.Length) && (best is null || match.Length > best.Value.Length))
            {
                best = (type, match.Length);
            }
        }

        return best;
    }

    // A number inside a word ("V2G", "ISO15118") is part of the text, not a parameter.
    private static bool AtWordStart(string text, int pos) => pos == 0 || !char.IsLetterOrDigit(text[pos - 1]) && text[pos - 1] is not ('.' or '_');

    private static bool AtWordEnd(string text, int pos) => pos == text.Length || !char.IsLetterOrDigit(text[pos]) && text[pos] != '_';

    private static string CSharpType(Type type) => Keywords.TryGetValue(type, out var keyword) ? keyword : type.Name;

    private static string MethodName(string words)
    {
        var name = new StringBuilder();
        foreach (var word in Regex.Split(words, @"[^\p{L}\p{Nd}]+", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            if (word.Length > 0)
            {
                name.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
            }
        }

        return name.ToString();
    }
}

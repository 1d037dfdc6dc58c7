using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DerSim.Harness.Traffic;

/// <summary>
/// The JSON path subset a success check uses: <c>$</c> then members <c>.name</c> or <c>['name']</c> and array indexes
/// <c>[0]</c>, e.g. <c>$.status</c>, <c>$.data.result[0].status</c>. No wildcards or filters: one path, one value.
/// </summary>
public sealed partial record JsonPathQuery
{
    private readonly IReadOnlyList<object> _steps;

    private JsonPathQuery(string text, IReadOnlyList<object> steps)
    {
        Text = text;
        _steps = steps;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Reads <paramref name="text"/>; null (with <paramref name="error"/>) when it is not of the subset.</summary>
    public static JsonPathQuery? TryParse(string text, out string? error)
    {
        error = null;
        if (Whole().Match(text ?? "") is not { Success: true } match)
        {
            error = $"'{text}' is not a JSON path of the form $.name, $.name[0].name or $['name']";
            return null;
        }

        var steps = match.Groups["step"].Captures
            .Select(c => c.Value switch
            {
                ['.', .. var name] => (object)name,
                ['[', '\'', .. var quoted] => quoted[..^2],
                ['[', .. var index] => int.Parse(index[..^1], CultureInfo.InvariantCulture),
                var other => other,
            })
            .ToList();
        return new JsonPathQuery(text!, steps);
    }

    /// <summary>The value at the path in <paramref name="root"/>, or null when a step finds nothing.</summary>
    public JsonElement? Select(JsonElement root)
    {
        var at = root;
        foreach (var step in _steps)
        {
            switch (step)
            {
                case string name when at.ValueKind == JsonValueKind.Object && at.TryGetProperty(name, out var member):
                    at = member;
                    break;
                case int index when at.ValueKind == JsonValueKind.Array && index < at.GetArrayLength():
                    at = at[index];
                    break;
                default:
                    return null;
            }
        }

        return at;
    }

    [GeneratedRegex(@"^\$(?<step>\.[A-Za-z_$][A-Za-z0-9_$-]*|\['[^']+'\]|\[[0-9]+\])*$")]
    private static partial Regex Whole();
}

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace DerSim.Sim.Profiles;

/// <summary>
/// Turns System.Text.Json's exception texts into "what was expected" in the profile's own
/// vocabulary (JSON property names, enum spellings) instead of CLR type names.
/// </summary>
internal static partial class JsonErrorDescriber
{
    /// <summary>
    /// True when the exception concerns a node (unknown or missing property, forbidden null) rather than
    /// the reader's current character, so the node's position is the better one to report.
    /// </summary>
    public static bool PointsAtNode(JsonException ex) =>
        ex.InnerException is null && (Unmapped().IsMatch(ex.Message) || MissingRequired().IsMatch(ex.Message));

    /// <summary>Describes the failure; may extend <paramref name="path"/> to the offending member.</summary>
    public static string Describe(JsonException ex, ref string path)
    {
        var core = StripLocation(ex.Message);
        if (ex.InnerException is not null && ex.InnerException.GetType().Name == "JsonReaderException")
        {
            return $"not valid JSON: {StripLocation(ex.InnerException.Message)}";
        }

        if (Unmapped().Match(core) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var parentPath = path.EndsWith("." + name, StringComparison.Ordinal) ? path[..^(name.Length + 1)] : path;
            path = parentPath + "." + name;
            var allowed = TypeAt(parentPath) is { } parentType ? PropertyNames(parentType) : [];
            return $"unknown property '{name}'; expected one of: {string.Join(", ", allowed)}";
        }

        if (Duplicate().Match(core) is { Success: true } duplicate)
        {
            return $"duplicate property '{duplicate.Groups["name"].Value}'; each property may appear only once";
        }

        if (MissingRequired().Match(core) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\''))
                .ToList();
            path = path + "." + names[0];
            return names.Count == 1
                ? $"missing required property '{names[0]}'"
                : $"missing required properties {string.Join(", ", names.Select(n => $"'{n}'"))}";
        }

        var expected = TypeAt(path) is { } type ? Expected(type) : null;
        if (NullNotAllowed().IsMatch(core))
        {
            return $"expected {expected ?? "a value"}, found null";
        }

        if (expected is not null && core.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"expected {expected}";
        }

        return core;
    }

    private static string StripLocation(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }

    /// <summary>The CLR type a JSON path would deserialise into, walking the profile model from the root.</summary>
    private static Type? TypeAt(string path)
    {
        Type? type = typeof(EvseProfile);
        foreach (Match segment in PathSegment().Matches(path))
        {
            if (type is null)
            {
                return null;
            }

            type = segment.Groups["index"].Success ? ElementType(type) : PropertyType(type, segment.Groups["name"].Value);
        }

        return type;
    }

    private static Type? PropertyType(Type type, string jsonName) =>
        EvseProfileJson.Options.GetTypeInfo(type).Properties.FirstOrDefault(p => p.Name == jsonName)?.PropertyType;

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    // A [JsonIgnore] property has neither getter nor setter in the source-generated metadata (and no attribute
    // provider to ask); in reflection metadata it carries the attribute.
    private static IEnumerable<string> PropertyNames(Type type) =>
        EvseProfileJson.Options.GetTypeInfo(type).Properties
            .Where(p => (p.Get is not null || p.Set is not null)
                && p.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: false)
                    .OfType<JsonIgnoreAttribute>()
                    .Any(a => a.Condition == JsonIgnoreCondition.Always) != true)
            .Select(p => p.Name);

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return "one of: " + string.Join(", ", EnumJsonNames.All(type));
        }

        if (type == typeof(int))
        {
            return "an integer";
        }

        if (type == typeof(double))
        {
            return "a number";
        }

        if (type == typeof(string))
        {
            return "a string";
        }

        if (ElementType(type) is { } element)
        {
            return $"an array of {Plural(element)}";
        }

        return $"an object ({string.Join(", ", PropertyNames(type))})";
    }

    private static string Plural(Type element) =>
        element.IsEnum ? "strings (" + Expected(element) + ")"
        : element == typeof(int) ? "integers"
        : element == typeof(string) ? "strings"
        : "objects";

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped to any \.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"Duplicate property '(?<name>[^']*)'")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"doesn't allow (setting )?null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_$]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}

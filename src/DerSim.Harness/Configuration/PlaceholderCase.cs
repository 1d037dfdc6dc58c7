using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DerSim.Harness.Configuration;

/// <summary>
/// The case filters of template placeholders (<c>{ocppAction:kebab}</c>): the value is cut into words at case changes,
/// digits runs and separators (RequestStartTransaction → Request Start Transaction, AFRRSignal → AFRR Signal), then
/// joined again. camel and pascal write each word lower-case with a capital first letter (SetDERControl → setDerControl,
/// SetDerControl); lower and upper change the case of the whole value and nothing else.
/// </summary>
public static partial class PlaceholderCase
{
    /// <summary>The filter names, in the order documented.</summary>
    public static IReadOnlyList<string> Names { get; } = ["camel", "pascal", "kebab", "snake", "lower", "upper"];

    /// <summary>Whether <paramref name="filter"/> is a known filter name.</summary>
    public static bool IsKnown(string filter) => Names.Contains(filter, StringComparer.Ordinal);

    /// <summary>Applies <paramref name="filter"/> to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">An unknown filter.</exception>
    public static string Apply(string filter, string value) => filter switch
    {
        "camel" => string.Concat(Words(value).Select((w, i) => i == 0 ? w.ToLowerInvariant() : Capitalised(w))),
        "pascal" => string.Concat(Words(value).Select(Capitalised)),
        "kebab" => string.Join('-', Words(value).Select(w => w.ToLowerInvariant())),
        "snake" => string.Join('_', Words(value).Select(w => w.ToLowerInvariant())),
        "lower" => value.ToLowerInvariant(),
        "upper" => value.ToUpperInvariant(),
        _ => throw new ArgumentException($"unknown case filter '{filter}'; expected {string.Join(", ", Names)}", nameof(filter)),
    };

    /// <summary>The words of <paramref name="value"/>: an acronym before a capitalised word stands alone (AFRRSignal → AFRR, Signal).</summary>
    public static IReadOnlyList<string> Words(string value) => [.. Word().Matches(value ?? "").Select(m => m.Value)];

    private static string Capitalised(string word)
    {
        var lower = word.ToLowerInvariant();
        return new StringBuilder(lower.Length).Append(char.ToUpper(lower[0], CultureInfo.InvariantCulture)).Append(lower, 1, lower.Length - 1).ToString();
    }

    [GeneratedRegex("[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+[0-9]*|[0-9]+")]
    private static partial Regex Word();
}

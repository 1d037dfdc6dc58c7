using System.Text.RegularExpressions;

namespace DerSim.Harness.Configuration;

/// <summary>
/// The text of an Http driver template: placeholders <c>{name}</c> or <c>{name:filter}</c> (<see cref="PlaceholderCase"/>)
/// and environment variables <c>${NAME}</c> (for secrets kept out of the file).
/// </summary>
public static partial class HttpTemplateText
{
    /// <summary>The placeholder names used in <paramref name="text"/>, with their filter (null for none).</summary>
    public static IEnumerable<(string Name, string? Filter)> Placeholders(string? text) =>
        Token().Matches(text ?? "").Where(m => m.Groups["name"].Success)
            .Select(m => (m.Groups["name"].Value, m.Groups["filter"].Success ? m.Groups["filter"].Value : null));

    /// <summary>The environment variables <paramref name="text"/> reads.</summary>
    public static IEnumerable<string> Variables(string? text) =>
        Token().Matches(text ?? "").Where(m => m.Groups["env"].Success).Select(m => m.Groups["env"].Value);

    /// <summary>
    /// Replaces every placeholder of <paramref name="text"/> (filtered, then escaped by <paramref name="escape"/> unless
    /// it is <paramref name="raw"/>) and every <c>${NAME}</c> (escaped). <paramref name="where"/> names the template
    /// in errors, e.g. "dersim.http.actions.Reset.url".
    /// </summary>
    /// <exception cref="DerSimConfigException">An unknown filter, or an environment variable that is not set.</exception>
    /// <exception cref="KeyNotFoundException">A placeholder <paramref name="values"/> does not provide; the message names it.</exception>
    public static string Render(string text, IReadOnlyDictionary<string, string> values, Func<string, string> escape, Func<string, string?> environment, string where, params string[] raw)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(escape);
        ArgumentNullException.ThrowIfNull(environment);
        return Token().Replace(text, m =>
        {
            if (m.Groups["env"].Success)
            {
                var variable = m.Groups["env"].Value;
                return environment(variable) is { } set
                    ? escape(set)
                    : throw new DerSimConfigException($"{where} uses ${{{variable}}}, but the environment variable {variable} is not set");
            }

            var name = m.Groups["name"].Value;
            if (!values.TryGetValue(name, out var value))
            {
                throw new KeyNotFoundException(name);
            }

            if (m.Groups["filter"].Success)
            {
                var filter = m.Groups["filter"].Value;
                value = PlaceholderCase.IsKnown(filter)
                    ? PlaceholderCase.Apply(filter, value)
                    : throw new DerSimConfigException($"{where}: {UnknownFilter(name, filter)}");
            }

            return raw.Contains(name, StringComparer.Ordinal) ? value : escape(value);
        });
    }

    /// <summary>The error text for an unknown filter.</summary>
    public static string UnknownFilter(string name, string filter) =>
        $"unknown filter '{filter}' in {{{name}:{filter}}}; expected one of {string.Join(", ", PlaceholderCase.Names)}";

    [GeneratedRegex(@"\$\{(?<env>[A-Za-z_][A-Za-z0-9_]*)\}|\{(?<name>[A-Za-z][A-Za-z0-9]*)(?::(?<filter>[^{}\s""]*))?\}")]
    private static partial Regex Token();
}

namespace DerSim.Harness.Configuration;

/// <summary>A value of the <c>dersim</c> section that cannot be used: where (keys below <c>dersim</c>) and why.</summary>
/// <param name="Path">The keys from the <c>dersim</c> section down to the value, e.g. http, actions, Reset, url.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ConfigProblem(IReadOnlyList<string> Path, string Message)
{
    /// <summary>The JSON path, e.g. <c>$.dersim.http.actions.Reset.versions['1.6'].url</c>.</summary>
    public string JsonPath => "$.dersim" + string.Concat(Path.Select(Segment));

    /// <summary>One key as a JSON path step: <c>.name</c>, or <c>['1.6']</c> when it is not a plain name.</summary>
    public static string Segment(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "." + key : $"['{key}']";
}

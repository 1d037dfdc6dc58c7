namespace DerSim.Harness.Target;

/// <summary>How steps name a <see cref="TokenRole"/>: the phrases, and the pattern that finds them in a step's text.</summary>
public static class TokenRoles
{
    private static readonly Dictionary<string, TokenRole> Phrases = new(StringComparer.Ordinal)
    {
        ["the valid token"] = TokenRole.Valid,
        ["a second valid token"] = TokenRole.SecondValid,
        ["the unknown token"] = TokenRole.Unknown,
        ["the blocked token"] = TokenRole.Blocked,
        ["the expired token"] = TokenRole.Expired,
        ["a token of the valid token's group"] = TokenRole.GroupMember,
        ["the master pass token"] = TokenRole.MasterPass,
    };

    /// <summary>The phrases as a regular-expression alternation (a step parameter's pattern).</summary>
    public const string Pattern = "a token of the valid token's group|the master pass token|the valid token|a second valid token|the unknown token|the blocked token|the expired token";

    /// <summary>The role <paramref name="phrase"/> names.</summary>
    /// <exception cref="ArgumentException">It names none.</exception>
    public static TokenRole Parse(string phrase) =>
        Phrases.TryGetValue(phrase, out var role) ? role : throw new ArgumentException($"'{phrase}' names no token role; expected one of: {Pattern.Replace("|", ", ", StringComparison.Ordinal)}");

    /// <summary>The phrase that names <paramref name="role"/> ("the valid token").</summary>
    public static string Describe(this TokenRole role) => Phrases.First(p => p.Value == role).Key;

    /// <summary>Every role named in <paramref name="text"/> (a step's text), in order.</summary>
    public static IEnumerable<TokenRole> In(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, Pattern).Select(m => Phrases[m.Value]);
}

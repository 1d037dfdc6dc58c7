namespace DerSim.Ocpp;

/// <summary>
/// The one rule for a charging station identity, shared by <c>./sim --ocpp_csid</c>, the target declaration and the
/// reference CSMS's server (which answers HTTP 400 to any other id). OCPP 2.0.1 and 2.1 Part 4 (OCPP-J) §3.1.1 make
/// the identity the last segment of the connection URL, an identifierString of at most 48 characters (Part 2, 2.1.
/// Primitive datatypes: a-z, A-Z, 0-9, '*', '-', '_', '=', ':', '+', '|', '@', '.'). ':' is left out: security profiles
/// 1 and 2 send the identity as the Basic-auth user (A00.FR.204), and RFC 7617 §2 forbids ':' in a user-id. 1.6 sets no
/// rule of its own, so the stricter one holds for every version.
/// </summary>
public static class StationIdentity
{
    /// <summary>The longest identity: identifierString's 48 characters.</summary>
    public const int MaxLength = 48;

    /// <summary>What a valid identity looks like, for error messages.</summary>
    public const string Expected = "1-48 characters of A-Z a-z 0-9 * - _ = + | @ . (OCPP identifierString without ':')";

    /// <summary>Null when <paramref name="id"/> is a valid identity, else why not (with the id escaped for a log).</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "no station identity";
        }

        if (id.Length > MaxLength)
        {
            return $"station identity of {id.Length} characters is longer than {MaxLength}";
        }

        if (!id.All(IsAllowed))
        {
            return $"'{LogText.Escape(id)}' is not a station identity; expected {Expected}";
        }

        // "." and ".." would vanish from the URL path as dot segments (RFC 3986 §5.2.4).
        return id is "." or ".." ? $"'{id}' is not a station identity: a URL path drops it as a dot segment" : null;
    }

    /// <summary>Whether <paramref name="id"/> is a valid identity.</summary>
    public static bool IsValid(string? id) => Problem(id) is null;

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '_' or '=' or '+' or '|' or '@' or '.';
}

using System.Reflection;
using System.Text.Json.Serialization;

namespace DerSim.Ocpp.Dialects;

/// <summary>
/// The 2.x idToken types (<c>IdTokenType.type</c>): which exist per version, and which one fits a token's text.
/// OCPP 1.6 idTags have no type.
/// </summary>
public static class IdTokenTypes
{
    /// <summary>The type of a token the CSMS issued itself (a remote start without a card).</summary>
    public const string Central = "Central";

    /// <summary>The type of a token that is no card UID, email or contract id: a local identifier.</summary>
    public const string Local = "Local";

    // OCPP 2.0.1 IdTokenEnumType (Part 2, 3.48): the wire names of the enum generated from its schema.
    private static readonly string[] V201 =
    [
        .. typeof(global::DerSim.Ocpp.V201.IdTokenEnumType).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name),
    ];

    // OCPP 2.1 turned the enum into a string of at most 20 characters whose values the appendix lists as
    // IdTokenEnumStringType; DerSim sends only those.
    private static readonly string[] V21 = [.. V201, "DirectPayment", "EVCCID", "VIN"];

    /// <summary>The types <paramref name="version"/> defines; empty for 1.6, which has none.</summary>
    public static IReadOnlyList<string> Of(OcppVersion version) => version switch
    {
        OcppVersion.V201 => V201,
        OcppVersion.V21 => V21,
        _ => [],
    };

    /// <summary>
    /// The type a token's text fits: ISO14443 for a card UID (4 or 7 bytes: 8 or 14 hex characters), ISO15693 for a
    /// vicinity card UID (8 bytes: 16 hex characters), else <see cref="Local"/> — a strict CSMS rightly refuses
    /// "ISO14443" on text that is no card UID.
    /// </summary>
    public static string Fitting(string idToken)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        var hex = idToken.Length > 0 && idToken.All(char.IsAsciiHexDigit);
        return hex && idToken.Length is 8 or 14 ? "ISO14443"
            : hex && idToken.Length == 16 ? "ISO15693"
            : Local;
    }

    /// <summary>The wire spelling of <paramref name="name"/> among <paramref name="version"/>'s types (a generated enum member's
    /// name such as <c>EMAID</c> becomes <c>eMAID</c>); the name itself when the version does not define it.</summary>
    public static string Canonical(string name, OcppVersion version) =>
        Of(version).FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase)) ?? name;

    /// <summary>Whether <paramref name="type"/> is one of <paramref name="version"/>'s types (case-sensitive, as the schema).</summary>
    public static bool IsDefined(string type, OcppVersion version) => Of(version).Contains(type, StringComparer.Ordinal);
}

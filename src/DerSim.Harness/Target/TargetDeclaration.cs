using DerSim.Ocpp;

namespace DerSim.Harness.Target;

/// <summary>
/// What DerSim knows of the CSMS under test: the station ids and tokens its operator registered, credentials, and the
/// versions and optional features it implements. Read from <c>reqnroll.json</c> <c>$.dersim.target</c>, or from the
/// JSON file that <c>--target</c> or <c>DERSIM_TARGET</c> names (the same shape). Scenarios name roles ("a station",
/// "the valid token"), never literal ids; the embedded reference CSMS is seeded from the same declaration. Every
/// default fits the embedded CSMS and a strict one.
/// </summary>
public sealed record TargetDeclaration
{
    /// <summary>
    /// The bundled declaration, in force when none is given: every key its default, and the embedded CSMS's master pass
    /// token (<see cref="TargetTokens.BundledMasterPass"/>), which a declaration of one's own names only when its CSMS has one.
    /// </summary>
    public static TargetDeclaration Default { get; } = new() { Tokens = new TargetTokens { MasterPass = TargetTokens.BundledMasterPass } };

    /// <summary>
    /// The prefix of station ids when <see cref="StationIds"/> is not given: a scenario's first station is PREFIX-1,
    /// its second PREFIX-2. The default value is "DERSIM-SIM".
    /// </summary>
    public string StationIdPrefix { get; init; } = "DERSIM-SIM";

    /// <summary>
    /// The station ids registered in the CSMS, in the order scenarios take them (a scenario's first station takes the
    /// first); null derives them from <see cref="StationIdPrefix"/>. The default value is null.
    /// </summary>
    public IReadOnlyList<string>? StationIds { get; init; }

    /// <summary>
    /// The Basic-auth password of every station (security profiles 1 and 2); null sends none. <c>DERSIM_CSMS_PASSWORD</c>
    /// overrides it. The default value is null.
    /// </summary>
    public string? Password { get; init; }

    /// <summary>Basic-auth passwords per station id, over <see cref="Password"/>. The default value is none.</summary>
    public IReadOnlyDictionary<string, string> Passwords { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>
    /// The OCPP security profile the CSMS uses: 0 none, 1 Basic auth over ws://, 2 Basic auth over wss://, 3 client
    /// certificates over wss://. Checked against the CSMS URL's scheme, the passwords and the client certificates.
    /// The default value is 0.
    /// </summary>
    public int SecurityProfile { get; init; }

    /// <summary>
    /// A PEM file with the CA (or self-signed certificate) of the CSMS's server certificate, trusted besides the
    /// system's store for wss:// (security profiles 2 and 3). The default value is null (the system's store only).
    /// </summary>
    public string? CaCert { get; init; }

    /// <summary>Client certificates per station id (security profile 3). The default value is none.</summary>
    public IReadOnlyDictionary<string, TargetClientCertificate> ClientCertificates { get; init; } =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, TargetClientCertificate>.Empty;

    /// <summary>
    /// The OCPP versions the CSMS speaks ("1.6", "2.0.1", "2.1"); a scenario on another version is not applicable.
    /// The default value is all three.
    /// </summary>
    public IReadOnlyList<string> Versions { get; init; } = ["1.6", "2.0.1", "2.1"];

    /// <summary>
    /// The optional features the CSMS implements (see <see cref="TargetFeatures.All"/>); a scenario tagged
    /// <c>@requires:NAME</c> with a feature not listed is not applicable. Null declares every feature. The default
    /// value is null.
    /// </summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The tokens scenarios name by role. The default value is <see cref="TargetTokens"/>'s defaults.</summary>
    public TargetTokens Tokens { get; init; } = new();

    /// <summary>The id of a scenario's station number <paramref name="ordinal"/> (1-based); null when the declared list is shorter.</summary>
    public string? StationId(int ordinal) =>
        StationIds is { } ids
            ? (ordinal <= ids.Count ? ids[ordinal - 1] : null)
            : FormattableString.Invariant($"{StationIdPrefix}-{ordinal}");

    /// <summary>The password station <paramref name="stationId"/> presents: <see cref="Passwords"/>, else <see cref="Password"/>.</summary>
    public string? PasswordOf(string stationId) => Passwords.TryGetValue(stationId, out var own) ? own : Password;

    /// <summary>Whether the CSMS speaks <paramref name="version"/>.</summary>
    public bool Speaks(OcppVersion version) => Versions.Contains(version.DisplayName(), StringComparer.Ordinal);

    /// <summary>Whether the CSMS implements <paramref name="feature"/>.</summary>
    public bool Implements(string feature) => Features is null || Features.Contains(feature, StringComparer.Ordinal);

    /// <summary>
    /// The token playing <paramref name="role"/>; null when the declaration has none (see <see cref="MissingTokenReason"/>):
    /// no second valid token, no other valid token in the valid token's group, no master pass token.
    /// </summary>
    public TargetToken? Token(TokenRole role) => role switch
    {
        TokenRole.Valid => Tokens.Valid[0],
        TokenRole.SecondValid => Tokens.Valid.Count > 1 ? Tokens.Valid[1] : null,
        TokenRole.Unknown => Tokens.Unknown,
        TokenRole.Blocked => Tokens.Blocked,
        TokenRole.Expired => Tokens.Expired,
        TokenRole.GroupMember => Tokens.Valid[0].GroupId is { } group
            ? Tokens.Valid.Skip(1).FirstOrDefault(t => string.Equals(t.GroupId, group, StringComparison.Ordinal))
            : null,
        TokenRole.MasterPass => Tokens.MasterPass,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Why the declaration has no token playing <paramref name="role"/>, for a not-applicable verdict; null when it has one.</summary>
    public string? MissingTokenReason(TokenRole role) => Token(role) is not null
        ? null
        : role switch
        {
            TokenRole.SecondValid => $"the scenario needs a second valid token but the target declares {Tokens.Valid.Count} valid token(s) (tokens.valid)",
            TokenRole.GroupMember => Tokens.Valid[0].GroupId is { } group
                ? $"the scenario needs a token of the valid token's group but no other valid token of the target declares groupId '{group}' (tokens.valid[*].groupId)"
                : "the scenario needs a token of the valid token's group but the target's valid token declares no groupId (tokens.valid[0].groupId)",
            TokenRole.MasterPass => "the scenario needs the master pass token but the target declares none (tokens.masterPass, with the Master Pass groupId)",
            _ => $"the scenario needs {role.Describe()} but the target declares none",
        };

    /// <summary>
    /// Why a scenario with <paramref name="tags"/> (without '@') cannot run against this CSMS, or null when it can:
    /// every version tag (<c>@ocpp2.1</c>) names a version not declared, or a <c>@requires:NAME</c> feature is missing.
    /// </summary>
    public string? NotApplicableReason(IEnumerable<string> tags)
    {
        var list = tags.ToList();
        var versions = ScenarioTags.VersionsOf(list);
        if (versions.Count > 0 && !versions.Any(Speaks))
        {
            return $"the target declares OCPP {string.Join(", ", Versions)}, not {string.Join(" or ", versions.Select(v => v.DisplayName()))}";
        }

        var missing = TargetFeatures.RequiredBy(list).Where(f => !Implements(f)).ToList();
        return missing.Count > 0
            ? $"the target does not declare the feature{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (declared: {(Features is { Count: > 0 } declared ? string.Join(", ", declared) : "none")})"
            : null;
    }
}

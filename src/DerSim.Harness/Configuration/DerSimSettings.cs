namespace DerSim.Harness.Configuration;

/// <summary>
/// The <c>dersim</c> section of <c>reqnroll.json</c>. Environment variables override it (<c>DERSIM_CSMS_URL</c>),
/// and command-line flags override both.
/// </summary>
public sealed record DerSimSettings
{
    /// <summary>The value of <see cref="CsmsUrl"/> meaning the embedded reference CSMS.</summary>
    public const string Embedded = "embedded";

    /// <summary>Target CSMS WebSocket URL, or "embedded". The default value is "embedded".</summary>
    public string CsmsUrl { get; init; } = Embedded;

    /// <summary>The value of <see cref="CsmsDriver"/> that picks the driver from the target.</summary>
    public const string AutoDriver = "Auto";

    /// <summary>
    /// How scenarios make the CSMS act: Embedded, Http, Manual, or Auto (Embedded for the embedded CSMS, else Http
    /// when <see cref="Http"/> has actions, else Manual). <c>DERSIM_CSMS_DRIVER</c> overrides it. The default value is "Auto".
    /// </summary>
    public string CsmsDriver { get; init; } = AutoDriver;

    /// <summary>The Http driver's calls to the CSMS's own API. The default value is an empty section (no actions).</summary>
    public HttpCsmsSettings Http { get; init; } = HttpCsmsSettings.None;

    /// <summary>Seconds the Manual driver waits for the operator to make the CSMS send a message. The default value is 120.</summary>
    public double ManualTimeoutSeconds { get; init; } = 120;

    /// <summary>Default OCPP version of scenarios. The default value is "2.0.1".</summary>
    public string OcppVersion { get; init; } = "2.0.1";

    /// <summary>Seconds to wait for each answer. The default value is 30.</summary>
    public double CallTimeoutSeconds { get; init; } = 30;

    /// <summary>Where reports are written. The default value is "reports".</summary>
    public string ReportsDirectory { get; init; } = "reports";

    /// <summary>
    /// A folder of official OCPP schemas ("1.6", "2.0.1", "2.1" inside; relative to the working directory) that every
    /// frame of the scenarios is checked against instead of DerSim's own schemas; null for DerSim's. The default value is null.
    /// </summary>
    public string? OfficialSchemasDirectory { get; init; }

    /// <summary>
    /// The CSMS under test: station ids, tokens, passwords, security profile, versions and optional features (see
    /// <see cref="Target.TargetDeclaration"/>); <c>DERSIM_TARGET</c> or <c>--target FILE</c> names a file to use instead.
    /// The default value is the declaration whose every key is its default.
    /// </summary>
    public Target.TargetDeclaration Target { get; init; } = Harness.Target.TargetDeclaration.Default;

    /// <summary>Whether <paramref name="folder"/> holds official OCPP schemas: a "1.6", "2.0.1" or "2.1" folder.</summary>
    public static bool HoldsOfficialSchemas(string folder) =>
        new[] { "1.6", "2.0.1", "2.1" }.Any(version => Directory.Exists(Path.Combine(folder, version)));

    /// <summary>The CSMS URL after applying <c>DERSIM_CSMS_URL</c>; null means the embedded reference CSMS.</summary>
    public Uri? ResolveCsmsUrl(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = environment("DERSIM_CSMS_URL") is { Length: > 0 } fromEnv ? fromEnv : CsmsUrl;
        if (string.Equals(text, Embedded, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"
            ? uri
            : throw new DerSimConfigException($"CSMS URL '{text}' (from {(environment("DERSIM_CSMS_URL") is { Length: > 0 } ? "DERSIM_CSMS_URL" : "reqnroll.json $.dersim.csmsUrl")}) is not a ws:// or wss:// URL or \"embedded\"");
    }
}

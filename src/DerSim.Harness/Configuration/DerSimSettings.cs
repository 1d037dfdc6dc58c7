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

    /// <summary>How scenarios make the CSMS act: Embedded, Http or Manual. The default value is "Embedded".</summary>
    public string CsmsDriver { get; init; } = "Embedded";

    /// <summary>Default OCPP version of scenarios. The default value is "2.0.1".</summary>
    public string OcppVersion { get; init; } = "2.0.1";

    /// <summary>Seconds to wait for each answer. The default value is 30.</summary>
    public double CallTimeoutSeconds { get; init; } = 30;

    /// <summary>Where reports are written. The default value is "reports".</summary>
    public string ReportsDirectory { get; init; } = "reports";

    /// <summary>A folder of official OCPP schemas to validate against instead of DerSim's own; null for DerSim's. The default value is null.</summary>
    public string? OfficialSchemasDirectory { get; init; }

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

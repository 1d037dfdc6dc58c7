namespace DerSim.Harness.Configuration;

/// <summary>
/// The <c>dersim.http</c> section: how the Http CSMS driver reaches a CSMS's own API. <c>DERSIM_CSMS_API_URL</c>
/// overrides <see cref="BaseUrl"/>. docs/http-driver.md describes every key.
/// </summary>
public sealed record HttpCsmsSettings
{
    /// <summary>Base URL relative action URLs resolve against; null when every URL is absolute. The default value is null.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>
    /// Headers sent with every action's request (API keys: <c>"Authorization": "Bearer ${CSMS_API_TOKEN}"</c>), values
    /// templated; an action's own <see cref="HttpActionTemplate.Headers"/> replace those of the same name. Their values
    /// are never printed. The default value is none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>
    /// The call per driver action, keyed by action name (<c>./dersim drivers --actions</c> lists them: SetChargingProfile,
    /// RemoteStart, Reset, …); an action without an entry is not applicable. The default value is none.
    /// </summary>
    public IReadOnlyDictionary<string, HttpActionTemplate> Actions { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, HttpActionTemplate>.Empty;

    /// <summary>The section with no actions: shared, so default settings compare equal.</summary>
    public static HttpCsmsSettings None { get; } = new();

    /// <summary>Seconds to wait for the HTTP answer. The default value is 10.</summary>
    public double TimeoutSeconds { get; init; } = 10;

    /// <summary>Headers <paramref name="over"/> laid over <paramref name="under"/>: names compare case-insensitively, as in HTTP.</summary>
    public static IReadOnlyDictionary<string, string> MergeHeaders(IReadOnlyDictionary<string, string>? under, IReadOnlyDictionary<string, string>? over)
    {
        var none = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in (under ?? none).Concat(over ?? none))
        {
            merged[name] = value;
        }

        return merged;
    }
}

using DerSim.Ocpp;

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
    /// RemoteStart, Reset, …). An entry's keys replace <see cref="DefaultAction"/>'s; a null entry makes the action not
    /// applicable even with a default; an action without an entry uses <see cref="DefaultAction"/>, or is not applicable
    /// without one. The default value is none.
    /// </summary>
    public IReadOnlyDictionary<string, HttpActionTemplate?> Actions { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, HttpActionTemplate?>.Empty;

    /// <summary>
    /// The template of every action that has no entry in <see cref="Actions"/>, and the keys an entry does not set
    /// (for a CSMS API with one generic endpoint: <c>"url": "/api/{ocppVersion}/{stationId}/{ocppAction:kebab}"</c>).
    /// An action lacking a placeholder it uses is not applicable. The default value is null (none).
    /// </summary>
    public HttpActionTemplate? DefaultAction { get; init; }

    /// <summary>True when some action can be called: a default or at least one non-null entry.</summary>
    public bool HasActions => DefaultAction is not null || Actions.Values.Any(a => a is not null);

    /// <summary>
    /// The template <paramref name="action"/> uses on <paramref name="version"/> (<see cref="HttpActionTemplate.For"/>
    /// with <see cref="DefaultAction"/> under its entry), or null when it is not applicable.
    /// </summary>
    public HttpActionTemplate? Template(string action, OcppVersion version) =>
        Actions.TryGetValue(action, out var own)
            ? own?.For(version, DefaultAction)
            : DefaultAction?.For(version);

    /// <summary>Where <paramref name="action"/>'s template is configured, for messages: its entry (even a null one), else the default.</summary>
    public string Source(string action) =>
        Actions.ContainsKey(action) || DefaultAction is null ? $"dersim.http.actions.{action}" : "dersim.http.defaultAction";

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

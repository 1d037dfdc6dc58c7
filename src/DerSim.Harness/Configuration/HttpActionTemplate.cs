using DerSim.Ocpp;

namespace DerSim.Harness.Configuration;

/// <summary>
/// One templated HTTP call that makes a CSMS send a CSMS-initiated OCPP message (<c>dersim.http.actions.&lt;name&gt;</c>).
/// Placeholders in braces (<c>{stationId}</c>, <c>{ocppAction:kebab}</c>, …; <c>./dersim drivers --actions</c> lists
/// each action's) are replaced before sending: URL-escaped in the URL, JSON-escaped (without quotes) in the body, as is
/// in headers; <c>{payload}</c> is the OCPP request as JSON and <c>{baseUrl}</c> the base URL, both unescaped.
/// <c>${NAME}</c> is the environment variable NAME. Unset keys take the defaults below; see docs/http-driver.md.
/// </summary>
public sealed record HttpActionTemplate
{
    /// <summary>The HTTP method used when <see cref="Method"/> is not set.</summary>
    public const string DefaultMethod = "POST";

    /// <summary>The content type used when <see cref="ContentType"/> is not set.</summary>
    public const string DefaultContentType = "application/json";

    /// <summary>The HTTP method. The default value is "POST".</summary>
    public string? Method { get; init; }

    /// <summary>
    /// The URL; a relative one is resolved against <see cref="HttpCsmsSettings.BaseUrl"/>. An action whose template
    /// (after <see cref="Versions"/>) has no URL is not applicable on that version. The default value is null.
    /// </summary>
    public string? Url { get; init; }

    /// <summary>The request body, or null for none. The default value is null.</summary>
    public string? Body { get; init; }

    /// <summary>The body's content type. The default value is "application/json".</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// Request headers (values templated), added after <see cref="HttpCsmsSettings.Headers"/> and replacing those of
    /// the same name. The default value is none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The HTTP status that means the CSMS took the request; null accepts any 2xx. The default value is null.</summary>
    public int? ExpectedStatus { get; init; }

    /// <summary>
    /// A JSON path into the answer's body (<c>$.status</c>, <c>$.result[0].status</c>, <c>$['status']</c>) that must
    /// hold <see cref="SuccessValue"/> for the call to count as taken; null checks the status only. The default value is null.
    /// </summary>
    public string? SuccessJsonPath { get; init; }

    /// <summary>
    /// The value <see cref="SuccessJsonPath"/> must hold (a JSON string's text, or a number's or boolean's JSON text);
    /// null requires only that the value is there and is not null or false. The default value is null.
    /// </summary>
    public string? SuccessValue { get; init; }

    /// <summary>
    /// Per-version changes, keyed by OCPP version ("1.6", "2.0.1", "2.1"; the spellings of <c>--version</c> too): the
    /// keys an entry sets replace the template's (headers name by name), and a null entry makes the action not
    /// applicable on that version. An entry has no <c>versions</c> of its own. The default value is none.
    /// </summary>
    public IReadOnlyDictionary<string, HttpActionTemplate?>? Versions { get; init; }

    /// <summary>
    /// The template for <paramref name="version"/>: <paramref name="defaults"/> (<see cref="HttpCsmsSettings.DefaultAction"/>)
    /// for that version, then this one's keys, then this one's <see cref="Versions"/> entry, each laid over the one
    /// before key by key (headers name by name), defaults filled in; null when this one's entry for the version is null
    /// or no URL results (the action is not applicable on that version). A null <see cref="Versions"/> entry of
    /// <paramref name="defaults"/> only drops the defaults' layer.
    /// </summary>
    public HttpActionTemplate? For(OcppVersion version, HttpActionTemplate? defaults = null)
    {
        if (!TryLayer(version, out var own))
        {
            return null;
        }

        var merged = defaults is not null && defaults.TryLayer(version, out var under) ? Over(under, own) : own;
        if (string.IsNullOrWhiteSpace(merged.Url))
        {
            return null;
        }

        return merged with
        {
            Method = merged.Method ?? DefaultMethod,
            ContentType = merged.ContentType ?? DefaultContentType,
            Headers = merged.Headers ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty,
        };
    }

    // This template with its Versions entry for the version laid over it; false when that entry is null.
    private bool TryLayer(OcppVersion version, out HttpActionTemplate layer)
    {
        layer = this with { Versions = null };
        foreach (var (key, value) in Versions ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, HttpActionTemplate?>.Empty)
        {
            if (OcppVersions.TryParse(key, out var parsed) && parsed == version)
            {
                if (value is null)
                {
                    return false;
                }

                layer = Over(layer, value);
            }
        }

        return true;
    }

    // The keys <paramref name="over"/> sets replace those of <paramref name="under"/>; headers merge name by name.
    private static HttpActionTemplate Over(HttpActionTemplate under, HttpActionTemplate over) => new()
    {
        Method = over.Method ?? under.Method,
        Url = over.Url ?? under.Url,
        Body = over.Body ?? under.Body,
        ContentType = over.ContentType ?? under.ContentType,
        Headers = under.Headers is null && over.Headers is null ? null : HttpCsmsSettings.MergeHeaders(under.Headers, over.Headers),
        ExpectedStatus = over.ExpectedStatus ?? under.ExpectedStatus,
        SuccessJsonPath = over.SuccessJsonPath ?? under.SuccessJsonPath,
        SuccessValue = over.SuccessValue ?? under.SuccessValue,
    };
}

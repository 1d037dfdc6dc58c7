namespace DerSim.Harness.Configuration;

/// <summary>
/// One templated HTTP call that makes a CSMS send a CSMS-initiated OCPP message. Placeholders in braces
/// (<c>{stationId}</c>, <c>{evseId}</c>, <c>{connectorId}</c>, <c>{limitW}</c>, <c>{limitA}</c>, <c>{limitKw}</c>,
/// <c>{idTag}</c>, <c>{transactionId}</c>, <c>{purpose}</c>, <c>{resetType}</c>, <c>{operationalStatus}</c>,
/// <c>{requestedMessage}</c>, <c>{key}</c>, <c>{value}</c>, <c>{component}</c>, <c>{variable}</c>,
/// <c>{ocppAction}</c>, <c>{ocppVersion}</c>, <c>{payload}</c>, <c>{baseUrl}</c>) are replaced before sending; in
/// the URL they are URL-escaped, in the body JSON-escaped (without quotes), except <c>{payload}</c> which is the OCPP
/// payload as JSON.
/// </summary>
public sealed record HttpActionTemplate
{
    /// <summary>The HTTP method. The default value is "POST".</summary>
    public string Method { get; init; } = "POST";

    /// <summary>The URL; a relative one is resolved against <see cref="HttpCsmsSettings.BaseUrl"/>. Required.</summary>
    public string Url { get; init; } = "";

    /// <summary>The request body, or null for none. The default value is null.</summary>
    public string? Body { get; init; }

    /// <summary>The body's content type. The default value is "application/json".</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra request headers (values are templated too). The default value is none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The HTTP status that means the CSMS took the request; null accepts any 2xx. The default value is null.</summary>
    public int? ExpectedStatus { get; init; }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DerSim.Harness.Configuration;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// Makes a CSMS act through its own HTTP API: one templated call per action (<see cref="HttpCsmsSettings.Actions"/>,
/// keyed by <see cref="CsmsCommand.TemplateName"/>: the <see cref="CsmsActionKind"/> name), then waits for the resulting CALL to reach the station. An action
/// without a template is not applicable.
/// </summary>
public sealed partial class HttpCsmsDriver : ICsmsDriver, IDisposable
{
    private readonly HttpCsmsSettings _settings;
    private readonly string? _baseUrl;
    private readonly TrafficRecorder _recorder;
    private readonly TimeSpan _timeout;
    private readonly HttpClient _http;

    /// <summary>A driver with <paramref name="settings"/>; <paramref name="baseUrl"/> overrides its base URL when given.</summary>
    public HttpCsmsDriver(HttpCsmsSettings settings, string? baseUrl, TrafficRecorder recorder, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _baseUrl = baseUrl ?? settings.BaseUrl;
        _recorder = recorder;
        _timeout = timeout;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
    }

    /// <inheritdoc />
    public string Name => "Http";

    /// <inheritdoc />
    public bool CanPerform(CsmsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.OcppAction is not null && _settings.Actions.ContainsKey(command.TemplateName);
    }

    /// <inheritdoc />
    public async Task<CsmsExchange> PerformAsync(CsmsCommand command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        _ = command.OcppAction ?? throw new CsmsActionNotApplicableException($"OCPP {command.Version.ToString()} has no {command.Kind}");
        if (!_settings.Actions.TryGetValue(command.TemplateName, out var template))
        {
            throw new CsmsActionNotApplicableException($"the Http CSMS driver has no template for {command.TemplateName} (dersim.http.actions.{command.TemplateName}); it cannot {command.Describe()}");
        }

        var values = new Dictionary<string, string>(command.Placeholders(), StringComparer.Ordinal);
        if (_baseUrl is not null)
        {
            values["baseUrl"] = _baseUrl.TrimEnd('/');
        }

        await CsmsTraffic.AwaitBootAnsweredAsync(_recorder, command.StationId, _timeout, ct).ConfigureAwait(false);
        using var request = Build(template, values);
        var mark = CsmsTraffic.Mark(_recorder);
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        var ok = template.ExpectedStatus is { } expected ? (int)response.StatusCode == expected : response.IsSuccessStatusCode;
        if (!ok)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"the CSMS API answered {request.Method} {request.RequestUri} with {(int)response.StatusCode} {response.StatusCode}, expected {template.ExpectedStatus?.ToString(CultureInfo.InvariantCulture) ?? "2xx"}: {Shorten(body)}"),
                []);
        }

        return await CsmsTraffic.AwaitExchangeAsync(_recorder, command, mark, _timeout, ct).ConfigureAwait(false);
    }

    /// <summary>Renders a template into a request: placeholders URL-escaped in the URL, JSON-escaped in the body.</summary>
    public HttpRequestMessage Build(HttpActionTemplate template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var url = Render(template.Url, values, v => Uri.EscapeDataString(v), keepRaw: "baseUrl");
        // "/stations/x" parses as an absolute file: URI on Unix; only http(s) URLs count as absolute here.
        var uri = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : _baseUrl is not null ? new Uri(new Uri(_baseUrl.TrimEnd('/') + "/"), url.TrimStart('/')) : throw new DerSimConfigException($"dersim.http: URL '{url}' is relative and no baseUrl (or DERSIM_CSMS_API_URL) is set");
        var request = new HttpRequestMessage(new HttpMethod(template.Method), uri);
        if (template.Body is { } body)
        {
            request.Content = new StringContent(Render(body, values, JsonEscape, keepRaw: "payload"), Encoding.UTF8, template.ContentType);
        }

        foreach (var (name, value) in template.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, Render(value, values, v => v, keepRaw: null));
        }

        return request;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string Render(string template, IReadOnlyDictionary<string, string> values, Func<string, string> escape, string? keepRaw) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (!values.TryGetValue(name, out var value))
            {
                throw new CsmsActionNotApplicableException($"the Http CSMS template uses {{{name}}}, which this action does not provide");
            }

            return name == keepRaw ? value : escape(value);
        });

    private static string JsonEscape(string value)
    {
        var quoted = JsonSerializer.Serialize(value);
        return quoted[1..^1];
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Configuration;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// Makes a CSMS act through its own HTTP API: one templated call per action (<see cref="HttpCsmsSettings.Actions"/>,
/// keyed by <see cref="HttpPlaceholders.TemplateName"/>, over <see cref="HttpCsmsSettings.DefaultAction"/>, chosen per OCPP
/// version by <see cref="HttpCsmsSettings.Template"/>),
/// with <see cref="HttpCsmsSettings.Headers"/> on every call, checked by status and optionally by a value in the
/// answer's body, then waits for the resulting CALL to reach the station. An action without a template is not
/// applicable. Header values are never written to messages: they hold API keys.
/// </summary>
public sealed class HttpCsmsDriver : ICsmsDriver, IDisposable
{
    private readonly HttpCsmsSettings _settings;
    private readonly string? _baseUrl;
    private readonly TrafficRecorder _recorder;
    private readonly TimeSpan _timeout;
    private readonly Func<string, string?> _environment;
    private readonly HttpClient _http;

    /// <summary>
    /// A driver with <paramref name="settings"/>; <paramref name="baseUrl"/> overrides its base URL when given;
    /// <paramref name="environment"/> resolves <c>${NAME}</c> (default: the process environment).
    /// </summary>
    public HttpCsmsDriver(HttpCsmsSettings settings, string? baseUrl, TrafficRecorder recorder, TimeSpan timeout, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _baseUrl = baseUrl ?? settings.BaseUrl;
        _recorder = recorder;
        _timeout = timeout;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
    }

    /// <inheritdoc />
    public string Name => "Http";

    /// <inheritdoc />
    public bool CanPerform(CsmsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.OcppAction is not null && _settings.Template(HttpPlaceholders.TemplateName(command), command.Version) is { } template && Names(template, command);
    }

    // Whether the template sends everything the command asks for: its payload, or one of the placeholders it must name.
    private static bool Names(HttpActionTemplate template, CsmsCommand command)
    {
        if (command.TemplateMustName.Count == 0)
        {
            return true;
        }

        var text = $"{template.Url} {template.Body}";
        return command.TemplateMustName.Append("payload").Any(name => text.Contains($"{{{name}}}", StringComparison.Ordinal) || text.Contains($"{{{name}:", StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public async Task<CsmsExchange> PerformAsync(CsmsCommand command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var action = command.OcppAction ?? throw new CsmsActionNotApplicableException($"OCPP {command.Version.ToString()} has no {command.Kind}");
        var name = HttpPlaceholders.TemplateName(command);
        var source = _settings.Source(name);
        var template = _settings.Template(name, command.Version)
            ?? throw new CsmsActionNotApplicableException(NoTemplate(command, name, source));
        if (!Names(template, command))
        {
            throw new CsmsActionNotApplicableException($"the Http CSMS driver's template for {name} ({source}) sends neither {{payload}} nor {string.Join(" nor ", command.TemplateMustName.Select(n => $"{{{n}}}"))}, so it cannot {OperatorInstructions.For(command)}");
        }
        var values = new Dictionary<string, string>(HttpPlaceholders.For(command), StringComparer.Ordinal);
        if (_baseUrl is not null)
        {
            values[CsmsActionCatalogue.BaseUrl] = _baseUrl.TrimEnd('/');
        }

        await CsmsTraffic.AwaitBootAnsweredAsync(_recorder, command.StationId, _timeout, ct).ConfigureAwait(false);
        using var request = Build(template, values, source);
        var what = $"{name} (OCPP {command.Version.DisplayName()} {action} to {command.StationId}) as {request.Method} {request.RequestUri}";
        var mark = CsmsTraffic.Mark(_recorder);
        using var response = await SendAsync(request, what, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var ok = template.ExpectedStatus is { } expected ? (int)response.StatusCode == expected : response.IsSuccessStatusCode;
        if (!ok)
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"the CSMS API did not take {what}: it answered {(int)response.StatusCode} {response.StatusCode}, expected {template.ExpectedStatus?.ToString(CultureInfo.InvariantCulture) ?? "2xx"}; body: {Shorten(body)}"),
                []);
        }

        if (SuccessCheck(template, source, body) is { } failure)
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"the CSMS API did not take {what}: it answered {(int)response.StatusCode} {response.StatusCode}, but {failure}; body: {Shorten(body)}"),
                []);
        }

        return await CsmsTraffic.AwaitExchangeAsync(_recorder, command, mark, _timeout, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Renders a template into a request: <see cref="HttpCsmsSettings.Headers"/> under the template's own, placeholders
    /// URL-escaped in the URL, JSON-escaped in the body, as they are in headers. <paramref name="source"/> names the
    /// template in errors (<see cref="HttpCsmsSettings.Source"/>, e.g. "dersim.http.actions.Reset").
    /// </summary>
    /// <exception cref="CsmsActionNotApplicableException">The template uses a placeholder this command does not provide.</exception>
    /// <exception cref="DerSimConfigException">An unknown filter, an unset <c>${NAME}</c>, or a relative URL without a base URL.</exception>
    public HttpRequestMessage Build(HttpActionTemplate template, IReadOnlyDictionary<string, string> values, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var where = source ?? "dersim.http.actions.?";
        var url = Render(template.Url ?? "", values, v => Uri.EscapeDataString(v), $"{where}.url", CsmsActionCatalogue.BaseUrl);
        // "/stations/x" parses as an absolute file: URI on Unix; only http(s) URLs count as absolute here.
        var uri = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : _baseUrl is not null ? new Uri(new Uri(_baseUrl.TrimEnd('/') + "/"), url.TrimStart('/')) : throw new DerSimConfigException($"{where}.url: URL '{url}' is relative and no baseUrl (or DERSIM_CSMS_API_URL) is set");
        var request = new HttpRequestMessage(new HttpMethod(template.Method ?? HttpActionTemplate.DefaultMethod), uri);
        if (template.Body is { } body)
        {
            request.Content = new StringContent(Render(body, values, JsonEscape, $"{where}.body", "payload"), Encoding.UTF8, template.ContentType ?? HttpActionTemplate.DefaultContentType);
        }

        foreach (var (name, value) in HttpCsmsSettings.MergeHeaders(_settings.Headers, template.Headers))
        {
            var text = Render(value, values, v => v, $"{where}.headers.{name}");
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase) && request.Content is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(text);
            }
            else if (!request.Headers.TryAddWithoutValidation(name, text))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, text);
            }
        }

        return request;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private string NoTemplate(CsmsCommand command, string name, string source) =>
        _settings.Actions.TryGetValue(name, out var own) && own is null
            ? $"{source} is null, so the Http CSMS driver does not make the CSMS send it; it cannot {OperatorInstructions.For(command)}"
            : _settings.Actions.ContainsKey(name) || _settings.DefaultAction is not null
                ? $"the Http CSMS driver's template {source} has no URL for OCPP {command.Version.DisplayName()} (its versions entry is null or none sets a url); it cannot {OperatorInstructions.For(command)}"
                : $"the Http CSMS driver has no template for {name} (dersim.http.actions.{name}, or dersim.http.defaultAction); it cannot {OperatorInstructions.For(command)}";

    /// <summary>Why the answer's body fails the template's success check, or null when it passes or there is none.</summary>
    private static string? SuccessCheck(HttpActionTemplate template, string source, string body)
    {
        if (template.SuccessJsonPath is not { } path)
        {
            return null;
        }

        var query = JsonPathQuery.TryParse(path, out var error)
            ?? throw new DerSimConfigException($"{source}.successJsonPath: {error}");
        JsonElement? found;
        try
        {
            using var document = JsonDocument.Parse(body);
            found = query.Select(document.RootElement)?.Clone();
        }
        catch (JsonException)
        {
            return $"the body is not JSON, so {path} cannot be {Expected(template)}";
        }

        var ok = found is { } value && (template.SuccessValue is { } wanted
            ? Text(value) == wanted
            : value.ValueKind is not (JsonValueKind.Null or JsonValueKind.False));
        return ok ? null : $"{path} is {(found is { } v ? v.GetRawText() : "missing")}, expected {Expected(template)}";
    }

    private static string Expected(HttpActionTemplate template) =>
        template.SuccessValue is { } wanted ? JsonSerializer.Serialize(wanted) : "a value other than null or false";

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException($"the CSMS API could not be reached for {what}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // The API call is the operator's stand-in: no answer in time says nothing about the CSMS's OCPP side.
            throw new ScenarioInconclusiveException($"the CSMS API did not answer {what} within {_http.Timeout.TotalSeconds:0.#} s (dersim.http.timeoutSeconds)", ex);
        }
    }

    private string Render(string text, IReadOnlyDictionary<string, string> values, Func<string, string> escape, string where, params string[] raw)
    {
        try
        {
            return HttpTemplateText.Render(text, values, escape, _environment, where, raw);
        }
        catch (KeyNotFoundException ex)
        {
            throw new CsmsActionNotApplicableException($"the Http CSMS template {where} uses {{{ex.Message}}}, which this action does not provide");
        }
    }

    private static string JsonEscape(string value)
    {
        var quoted = JsonSerializer.Serialize(value);
        return quoted[1..^1];
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}

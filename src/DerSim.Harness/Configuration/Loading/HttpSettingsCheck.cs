using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Configuration.Loading;

/// <summary>
/// Checks a <c>dersim.http</c> section before any request is made, so a typo is a config error naming its JSON path
/// rather than a run of not-applicable scenarios: action names and placeholders against <see cref="CsmsActionCatalogue"/>,
/// filters, version keys, success paths.
/// </summary>
public static class HttpSettingsCheck
{
    /// <summary>Every problem of <paramref name="http"/>, paths below <c>dersim</c>.</summary>
    public static IEnumerable<ConfigProblem> Problems(HttpCsmsSettings http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseUrl is { Length: > 0 } baseUrl && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new(["http", "baseUrl"], $"expected an http:// or https:// URL, found '{baseUrl}'");
        }

        if (http.TimeoutSeconds <= 0)
        {
            yield return new(["http", "timeoutSeconds"], "expected a number of seconds above 0");
        }

        var anyPlaceholder = CsmsActionCatalogue.Entries.SelectMany(e => e.Placeholders.Concat(e.OptionalPlaceholders)).Append(CsmsActionCatalogue.BaseUrl).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in http.Headers)
        {
            foreach (var problem in Text(value, ["http", "headers", name], anyPlaceholder.Contains, "any action"))
            {
                yield return problem;
            }
        }

        if (http.DefaultAction is { } defaults)
        {
            // The default serves actions with different placeholders: each is checked against those of any action,
            // and an action lacking one is not applicable when asked for.
            foreach (var problem in Entry(defaults, ["http", "defaultAction"], anyPlaceholder.Contains, "any action"))
            {
                yield return problem;
            }
        }

        var defaultUrl = HasUrl(http.DefaultAction);
        foreach (var (name, template) in http.Actions)
        {
            if (CsmsActionCatalogue.Find(name) is not { } entry)
            {
                yield return new(["http", "actions", name], $"'{name}' is not an action DerSim knows; expected one of {string.Join(", ", CsmsActionCatalogue.Entries.Select(e => e.Name))} (./dersim drivers --actions)");
                continue;
            }

            if (template is null)
            {
                continue;
            }

            foreach (var problem in Entry(template, ["http", "actions", name], entry.Provides, entry.Name))
            {
                yield return problem;
            }

            if (!defaultUrl && !HasUrl(template))
            {
                yield return new(["http", "actions", name, "url"], "expected the URL to call (absolute, or relative to baseUrl), here or in dersim.http.defaultAction");
            }
        }
    }

    private static bool HasUrl(HttpActionTemplate? template) =>
        template is not null && (!string.IsNullOrWhiteSpace(template.Url) || (template.Versions?.Values.Any(v => !string.IsNullOrWhiteSpace(v?.Url)) ?? false));

    // A template and its versions entries.
    private static IEnumerable<ConfigProblem> Entry(HttpActionTemplate template, string[] at, Func<string, bool> provided, string action)
    {
        foreach (var problem in Template(template, at, provided, action))
        {
            yield return problem;
        }

        var seen = new Dictionary<OcppVersion, string>();
        foreach (var (key, version) in template.Versions ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, HttpActionTemplate?>.Empty)
        {
            string[] where = [.. at, "versions", key];
            if (!OcppVersions.TryParse(key, out var parsed))
            {
                yield return new(where, $"'{key}' is not an OCPP version; expected 1.6, 2.0.1 or 2.1");
            }
            else if (!seen.TryAdd(parsed.Value, key))
            {
                yield return new(where, $"'{key}' names the same version as '{seen[parsed.Value]}'; keep one");
            }
            else if (version?.Versions is not null)
            {
                yield return new([.. where, "versions"], "a version's template has no versions of its own");
            }
            else if (version is not null)
            {
                foreach (var problem in Template(version, where, provided, action))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<ConfigProblem> Template(HttpActionTemplate template, string[] at, Func<string, bool> provided, string action)
    {
        var texts = new List<(string[] Path, string? Text)> { ([.. at, "url"], template.Url), ([.. at, "body"], template.Body) };
        texts.AddRange((template.Headers ?? new Dictionary<string, string>()).Select(h => ((string[])[.. at, "headers", h.Key], (string?)h.Value)));
        foreach (var (where, text) in texts)
        {
            foreach (var problem in Text(text, where, provided, action))
            {
                yield return problem;
            }
        }

        if (template.ExpectedStatus is { } status and (< 100 or > 599))
        {
            yield return new([.. at, "expectedStatus"], $"expected an HTTP status from 100 to 599, found {status}");
        }

        if (template.SuccessJsonPath is { } path && JsonPathQuery.TryParse(path, out var error) is null)
        {
            yield return new([.. at, "successJsonPath"], error!);
        }
    }

    private static IEnumerable<ConfigProblem> Text(string? text, string[] at, Func<string, bool> provided, string action)
    {
        foreach (var (name, filter) in HttpTemplateText.Placeholders(text))
        {
            if (!provided(name))
            {
                yield return new(at, $"{{{name}}} is not a placeholder of {action} (./dersim drivers --actions lists them)");
            }
            else if (filter is not null && !PlaceholderCase.IsKnown(filter))
            {
                yield return new(at, HttpTemplateText.UnknownFilter(name, filter));
            }
        }
    }
}

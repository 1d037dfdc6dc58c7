using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DerSim.Harness.Reporting;

/// <summary>
/// Renders an Allure results directory into one self-contained HTML file with the npm <c>allure</c> 3 package
/// (the awesome plugin's single-file mode), carrying history over in a JSONL file beside the report folder.
/// The awesome plugin always writes a Google Analytics tag into the page; DerSim takes it out, so opening a report
/// sends nothing about the run anywhere and works the same offline. Its page shows a link as a link only when the URL
/// is http(s), mailto or tel; DerSim lets it show links relative to the page (<c>../traffic/…</c>) too, so a
/// scenario's traffic beside the report opens with a click.
/// </summary>
public static partial class ReportRenderer
{
    /// <summary>The command that installs the renderer, for messages.</summary>
    public const string InstallHint = "install Node.js 20+ and run `npm ci` in the DerSim folder, then `./dersim report`";

    /// <summary>
    /// Renders <paramref name="resultsDir"/> into <paramref name="reportDir"/>/index.html; history is read from and
    /// appended to <c>allure-history.jsonl</c> next to <paramref name="reportDir"/>. Without Node or the package the
    /// results stay as they are and the outcome says how to render them.
    /// </summary>
    public static Task<RenderOutcome> RenderAsync(string resultsDir, string reportDir, CancellationToken ct = default) =>
        RenderAsync(resultsDir, reportDir, FindOnPath("node"), FindAllureCli(), ct);

    /// <summary>
    /// As <see cref="RenderAsync(string, string, CancellationToken)"/> with the tools given: <paramref name="node"/> the
    /// Node.js executable and <paramref name="allureCli"/> the package's cli.js; null for either means not installed.
    /// </summary>
    public static async Task<RenderOutcome> RenderAsync(string resultsDir, string reportDir, string? node, string? allureCli, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(resultsDir);
        ArgumentNullException.ThrowIfNull(reportDir);
        var started = Stopwatch.GetTimestamp();
        resultsDir = Path.GetFullPath(resultsDir);
        reportDir = Path.GetFullPath(reportDir);
        if (!Directory.Exists(resultsDir) || !Directory.EnumerateFiles(resultsDir, "*-result.json").Any())
        {
            return new RenderOutcome(false, null, $"no Allure results in {resultsDir}: run the suite first (`./dersim run`)", Stopwatch.GetElapsedTime(started));
        }

        var cli = allureCli;
        if (node is null || cli is null)
        {
            var missing = node is null ? "Node.js is not installed" : "the npm package `allure` is not installed";
            return new RenderOutcome(false, null, $"Allure results are in {resultsDir}, but {missing}; to render the HTML report {InstallHint}", Stopwatch.GetElapsedTime(started));
        }

        var parent = Path.GetDirectoryName(reportDir)!;
        Directory.CreateDirectory(parent);
        var config = Path.Combine(parent, "allurerc.json");
        await File.WriteAllTextAsync(config, Config(reportDir, Path.Combine(parent, "allure-history.jsonl")), ct).ConfigureAwait(false);

        var info = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = parent,
        };
        foreach (var argument in new[] { cli, "generate", "--config", config, "--output", reportDir, resultsDir })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["CI"] = "true";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {node}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var output = $"{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}".Trim();
        var index = Path.Combine(reportDir, "index.html");
        if (process.ExitCode != 0 || !File.Exists(index))
        {
            return new RenderOutcome(false, null, $"allure generate failed (exit {process.ExitCode}); results are in {resultsDir}:\n{output}", Stopwatch.GetElapsedTime(started));
        }

        await PostProcessAsync(index, ct).ConfigureAwait(false);
        return new RenderOutcome(true, index, $"HTML report: {index}", Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Takes the analytics tag (the gtag loader and its inline configuration) out of <paramref name="html"/>; the page
    /// as it was when there is none.
    /// </summary>
    public static string WithoutAnalytics(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return AnalyticsTag().Replace(html, "");
    }

    /// <summary>
    /// <paramref name="html"/> with the page's link check (in its inlined script) also accepting URLs that start with
    /// <c>./</c> or <c>../</c>; the page as it was when its script differs from the one of allure 3.18.0, whose links
    /// then show as text.
    /// </summary>
    public static string WithRelativeLinks(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return InlineScript().Replace(html, match =>
        {
            var script = Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups["code"].Value));
            if (!script.Contains(AbsoluteOnlyLinks, StringComparison.Ordinal))
            {
                return match.Value;
            }

            var patched = script.Replace(AbsoluteOnlyLinks, RelativeLinksToo, StringComparison.Ordinal);
            return $"{match.Groups["start"].Value}data:text/javascript;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(patched))}";
        });
    }

    // The awesome plugin's URL check (web-commons): no scheme, no link. A relative URL now passes when it starts with
    // ./ or ../ and holds nothing that could leave the attribute; schemes are still checked against its allow-list.
    private const string AbsoluteOnlyLinks = "const n=t.match(/^([A-Za-z][A-Za-z0-9+.-]*):/);if(!n)return;";
    private const string RelativeLinksToo = "const n=t.match(/^([A-Za-z][A-Za-z0-9+.-]*):/);if(!n)return/^\\.\\.?\\/[^\\s\"'<>\\\\]*$/.test(t)?t:void 0;";

    [GeneratedRegex(@"(?<start><script\b[^>]*\bsrc="")data:text/javascript;base64,(?<code>[A-Za-z0-9+/=]+)(?="")")]
    private static partial Regex InlineScript();

    private static async Task PostProcessAsync(string index, CancellationToken ct)
    {
        var html = await File.ReadAllTextAsync(index, ct).ConfigureAwait(false);
        var clean = WithRelativeLinks(WithoutAnalytics(html));
        if (string.Equals(clean, html, StringComparison.Ordinal))
        {
            return;
        }

        // Written beside and moved over, so an interrupted run leaves the page as Allure wrote it, never half of it.
        var temporary = index + ".tmp";
        await File.WriteAllTextAsync(temporary, clean, new UTF8Encoding(false), ct).ConfigureAwait(false);
        File.Move(temporary, index, overwrite: true);
    }

    [GeneratedRegex("""<script\b[^>]*\bsrc="https://www\.googletagmanager\.com/[^"]*"[^>]*>\s*</script>\s*(?:<script>(?:(?!</script>).)*?\bgtag\((?:(?!</script>).)*?</script>)?""", RegexOptions.Singleline)]
    private static partial Regex AnalyticsTag();

    /// <summary>
    /// The allurerc.json: the awesome plugin in single-file mode, history in <paramref name="historyPath"/>, and the
    /// failure categories.
    /// </summary>
    public static string Config(string reportDir, string historyPath)
    {
        var categories = new JsonArray();
        foreach (var category in AllureRunFiles.Categories)
        {
            categories.Add(new JsonObject
            {
                ["name"] = category.Name,
                ["matchedStatuses"] = new JsonArray([.. category.MatchedStatuses.Select(s => (JsonNode)JsonValue.Create(s))]),
                ["messageRegex"] = category.MessageRegex,
            });
        }

        var config = new JsonObject
        {
            ["name"] = "DerSim OCPP conformance",
            ["output"] = reportDir,
            ["historyPath"] = historyPath,
            ["categories"] = categories,
            ["plugins"] = new JsonObject
            {
                ["awesome"] = new JsonObject
                {
                    ["options"] = new JsonObject
                    {
                        ["singleFile"] = true,
                        ["reportName"] = "DerSim OCPP conformance",
                        ["reportLanguage"] = "en",
                        ["groupBy"] = new JsonArray("parentSuite", "suite", "subSuite"),
                    },
                },
            },
        };
        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The allure CLI script: <c>node_modules/allure/cli.js</c> above the working directory or the binaries.</summary>
    public static string? FindAllureCli()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable("DERSIM_ROOT") })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var cli = Path.Combine(directory.FullName, "node_modules", "allure", "cli.js");
                if (File.Exists(cli))
                {
                    return cli;
                }
            }
        }

        return null;
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? FindOnPath(string program)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd" } : [program])
            {
                var path = Path.Combine(directory, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}

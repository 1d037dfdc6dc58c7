using System.Globalization;
using System.Net;
using System.Text;
using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>
/// <c>reports/conformance.html</c>: one static page, nothing loaded from elsewhere. Per version a table of its
/// blocks (the catalogue's figures and the run's verdicts per case), then its cases, each row anchored
/// <c>id="&lt;version&gt;-&lt;case id&gt;"</c> (<see cref="ConformanceAnchors"/>), so the Allure report links to it.
/// Every text is HTML-escaped: messages quote what the CSMS sent.
/// </summary>
public static class ConformanceReportHtml
{
    /// <summary>The file name beside the other reports.</summary>
    public const string FileName = "conformance.html";

    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
        table{border-collapse:collapse;margin:.5em 0 1.5em}
        th,td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}
        td.n{text-align:right}
        tr.all td{font-weight:bold}
        tr:target{outline:3px solid #f90}
        .PASS{background:#d8f5d8}.FAIL{background:#f8d0d0}.ERROR{background:#f0c080}
        .NA,.INCONCLUSIVE{background:#eee}
        ul{margin:0;padding-left:1.2em}
        small{color:#555}
        """;

    /// <summary>The page for <paramref name="report"/>.</summary>
    public static string Write(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>DerSim conformance report</title><style>")
            .Append(Style).Append("</style></head><body>\n<h1>DerSim conformance report</h1>\n")
            .Append("<p>Each OCA CSMS test case with the verdict of its scenarios' runs (the worst of them: ERROR, FAIL, INCONCLUSIVE, N/A, PASS); ")
            .Append("<em>not run</em>: the run left its scenarios out; <em>no scenario</em>: none of the features is that case (with DerSim's reason where it gives one).</p>\n");
        foreach (var version in report.Versions)
        {
            var name = version.Version.DisplayName();
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"ocpp{E(name)}\">OCPP {E(name)}</h2>\n<table class=\"summary\" data-version=\"{E(name)}\"><thead><tr><th>block</th><th>cases</th><th>Core mandatory</th><th>mandatory</th><th>with scenario</th>");
            foreach (var verdict in Verdicts.ReportOrder)
            {
                html.Append("<th>").Append(E(Verdicts.Label(verdict))).Append("</th>");
            }

            html.Append("<th>not run</th></tr></thead><tbody>\n");
            foreach (var block in version.Blocks)
            {
                SummaryRow(html, block, "");
            }

            SummaryRow(html, version.Total, " class=\"all\"");
            html.Append("</tbody></table>\n");
            html.Append(CultureInfo.InvariantCulture, $"<table class=\"cases\" data-version=\"{E(name)}\"><thead><tr><th>case</th><th>title</th><th>block</th><th>mandatory in</th><th>verdict</th><th>scenarios</th></tr></thead><tbody>\n");
            foreach (var c in version.Cases)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr id=\"{E(ConformanceAnchors.Of(c.Case))}\"><td>{E(c.Case.Id)}</td><td>{E(c.Case.Title)}</td><td>{E(c.Case.Block)}</td><td>{E(string.Join(", ", c.MandatoryIn))}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"verdict {Css(c.VerdictLabel)}\">{E(c.VerdictLabel)}</td><td>");
                if (c.Runs.Count > 0)
                {
                    html.Append("<ul>");
                    foreach (var run in c.Runs)
                    {
                        var example = run.Scenario.Arguments.Count == 0 ? "" : " [" + string.Join(", ", run.Scenario.Arguments.Select(a => $"{a.Key}={a.Value}")) + "]";
                        html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"{Css(run.VerdictLabel)}\">{E(run.VerdictLabel)}</span> {E(run.Scenario.Feature.DisplayPath)}:{run.Scenario.Line} {E(run.Scenario.Title)}{E(example)}");
                        if (run.Message.Length > 0)
                        {
                            html.Append("<br><small>").Append(E(FirstLines(run.Message))).Append("</small>");
                        }

                        html.Append("</li>");
                    }

                    html.Append("</ul>");
                }
                else if (c.Case.NotCoveredReason is { } why)
                {
                    html.Append("<small>why none: ").Append(E(why)).Append("</small>");
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void SummaryRow(StringBuilder html, BlockReport block, string attributes)
    {
        var b = block.Coverage;
        html.Append(CultureInfo.InvariantCulture, $"<tr{attributes}><td>{E(b.Block)}</td>{N(b.Cases)}{N(b.CoreMandatory)}{N(b.Mandatory)}{N(b.WithScenario)}");
        foreach (var verdict in Verdicts.ReportOrder)
        {
            html.Append(N(block.Count(verdict)));
        }

        html.Append(N(block.NotRun)).Append("</tr>\n");
    }

    private static string N(int n) => string.Create(CultureInfo.InvariantCulture, $"<td class=\"n\">{n}</td>");

    private static string Css(string label) => label switch
    {
        "N/A" => "NA",
        "not run" or "no scenario" => "none",
        _ => label,
    };

    private static string FirstLines(string message)
    {
        var lines = message.Split('\n');
        return lines.Length <= 3 ? message : string.Join('\n', lines.Take(3)) + "\n…";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

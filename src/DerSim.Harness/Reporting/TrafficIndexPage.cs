using System.Net;
using System.Text;

namespace DerSim.Harness.Reporting;

/// <summary>
/// A scenario's page beside the report (<c>traffic/&lt;scenario&gt;.html</c>): links to its transcript, NDJSON and
/// profiles, and its charts. The report links this one page per scenario rather than each file: every link is repeated
/// in the report's search index, and one link keeps the page small.
/// </summary>
public static class TrafficIndexPage
{
    /// <summary>The page for <paramref name="title"/>: <paramref name="files"/> as links, <paramref name="charts"/> as images (file names in the same folder).</summary>
    public static string Html(string title, IReadOnlyList<(string Text, string File)> files, IReadOnlyList<(string Title, string File)> charts)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(charts);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{E(title)}: traffic, charts and profiles</title>\n");
        html.Append("<style>body{font:14px/1.5 sans-serif;margin:24px;color:#222}li{margin:4px 0}img{max-width:100%;border:1px solid #ddd}</style>\n");
        html.Append("</head>\n<body>\n");
        html.Append($"<h1>{E(title)}</h1>\n<ul>\n");
        foreach (var (text, file) in files)
        {
            html.Append($"<li><a href=\"{E(Uri.EscapeDataString(file))}\">{E(text)}</a></li>\n");
        }

        html.Append("</ul>\n");
        foreach (var (chart, file) in charts)
        {
            html.Append($"<h2>{E(chart)}</h2>\n<img src=\"{E(Uri.EscapeDataString(file))}\" alt=\"{E(chart)}\">\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

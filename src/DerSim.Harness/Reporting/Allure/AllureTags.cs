using System.Globalization;
using System.Text.RegularExpressions;
using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;
using DerSim.Ocpp;

namespace DerSim.Harness.Reporting.Allure;

/// <summary>Turns a scenario's folders and tags into Allure labels and links.</summary>
public static partial class AllureTags
{
    private static readonly string[] Severities = ["blocker", "critical", "normal", "minor", "trivial"];
    private static readonly string[] LabelPrefixes = ["epic", "feature", "story", "owner", "severity"];

    /// <summary>Labels for <paramref name="scenario"/>; <paramref name="host"/> and <paramref name="thread"/> say where it ran.</summary>
    public static IReadOnlyList<AllureLabel> Labels(ScenarioCase scenario, string host, string thread)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var labels = new List<AllureLabel>();
        var folders = scenario.Feature.RelativePath.Split('/')[..^1];
        var area = folders.Length > 0 ? string.Join("/", folders) : "features";
        string? Tagged(string name) => scenario.Tags.Where(t => t.StartsWith(name + ":", StringComparison.Ordinal)).Select(t => t[(name.Length + 1)..]).FirstOrDefault();

        labels.Add(new("epic", Tagged("epic") ?? area));
        labels.Add(new("feature", Tagged("feature") ?? scenario.Feature.Title));
        if ((Tagged("story") ?? scenario.Rule) is { } story)
        {
            labels.Add(new("story", story));
        }

        labels.Add(new("parentSuite", area));
        labels.Add(new("suite", scenario.Feature.Title));
        if (scenario.Rule is { } rule)
        {
            labels.Add(new("subSuite", rule));
        }

        var severity = Tagged("severity") ?? scenario.Tags.LastOrDefault(t => Severities.Contains(t, StringComparer.Ordinal)) ?? "normal";
        labels.Add(new("severity", severity));
        if (Tagged("owner") is { } owner)
        {
            labels.Add(new("owner", owner));
        }

        foreach (var tag in scenario.Tags)
        {
            if (!LabelPrefixes.Any(p => tag.StartsWith(p + ":", StringComparison.Ordinal)) && !Severities.Contains(tag, StringComparer.Ordinal)
                && !tag.StartsWith("issue:", StringComparison.Ordinal) && !tag.StartsWith("tms:", StringComparison.Ordinal))
            {
                labels.Add(new("tag", tag));
            }
        }

        labels.Add(new("host", host));
        labels.Add(new("thread", thread));
        labels.Add(new("framework", "dersim"));
        labels.Add(new("language", "C#"));
        return labels;
    }

    /// <summary>
    /// The OCA cases <paramref name="scenario"/> is (a <c>@TC_…</c> tag naming a case of a version it runs in): a
    /// <c>conformanceCase</c> label per case id and a <c>block</c> label per block.
    /// </summary>
    public static IReadOnlyList<AllureLabel> CaseLabels(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var cases = CasesOf(scenario);
        return
        [
            .. cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).Select(id => new AllureLabel("conformanceCase", id)),
            .. cases.Select(c => c.Block).Distinct(StringComparer.Ordinal).Select(block => new AllureLabel("block", block)),
        ];
    }

    /// <summary>
    /// Links from <c>@issue:X</c>, <c>@tms:X</c> and OCA test-case ids (<c>@TC_B_01_CSMS</c>). A case id of a version
    /// the scenario runs in links (type tms) to its row of the conformance report, <paramref name="conformanceLink"/>
    /// with the anchor <c>&lt;version&gt;-&lt;id&gt;</c>; one the catalogue does not know there, through
    /// <see cref="AllureLinkTemplates.OcaTestCase"/>.
    /// </summary>
    public static IReadOnlyList<AllureLink> Links(ScenarioCase scenario, AllureLinkTemplates templates, string? conformanceLink = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(templates);
        var links = new List<AllureLink>();
        var known = conformanceLink is null ? [] : CasesOf(scenario);
        foreach (var tag in scenario.Tags)
        {
            if (tag.StartsWith("issue:", StringComparison.Ordinal))
            {
                links.Add(Link(tag[6..], templates.Issue, "issue"));
            }
            else if (tag.StartsWith("tms:", StringComparison.Ordinal))
            {
                links.Add(Link(tag[4..], templates.Tms, "tms"));
            }
            else if (known.Where(c => c.Id == tag).ToList() is { Count: > 0 } cases)
            {
                foreach (var c in cases)
                {
                    var name = cases.Count == 1 ? c.Id : $"{c.Id} (OCPP {c.Version.DisplayName()})";
                    links.Add(new AllureLink(name, string.Format(CultureInfo.InvariantCulture, conformanceLink!, ConformanceAnchors.Of(c)), "tms"));
                }
            }
            else if (OcaTestCase().IsMatch(tag))
            {
                links.Add(Link(tag, templates.OcaTestCase, "tms"));
            }
        }

        return links;
    }

    private static List<CatalogueCase> CasesOf(ScenarioCase scenario)
    {
        var versions = ScenarioTags.VersionsOf(scenario.Tags);
        return
        [
            .. ScenarioTags.CaseIdsOf(scenario.Tags)
                .SelectMany(id => versions.Select(v => ConformanceCatalogue.Default.Find(v, id)))
                .OfType<CatalogueCase>(),
        ];
    }

    private static AllureLink Link(string id, string? template, string type) =>
        new(id, id.StartsWith("http", StringComparison.OrdinalIgnoreCase) || template is null ? id : string.Format(CultureInfo.InvariantCulture, template, Uri.EscapeDataString(id)), type);

    [GeneratedRegex("^TC_[A-Z0-9]+_[0-9]+(_[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex OcaTestCase();
}

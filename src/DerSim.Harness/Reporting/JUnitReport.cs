using System.Globalization;
using System.Xml.Linq;
using DerSim.Gherkin.Model;

namespace DerSim.Harness.Reporting;

/// <summary>JUnit XML for CI test tabs: one testsuite per feature, one testcase per scenario.</summary>
public static class JUnitReport
{
    /// <summary>The document for <paramref name="results"/>.</summary>
    public static XDocument Build(IReadOnlyList<ScenarioResult> results, string suiteName = "dersim")
    {
        ArgumentNullException.ThrowIfNull(results);
        var suites = new XElement("testsuites", new XAttribute("name", suiteName));
        foreach (var feature in results.GroupBy(r => r.Scenario.Feature.RelativePath, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cases = feature.OrderBy(r => r.Scenario.Line).ToList();
            var suite = new XElement(
                "testsuite",
                new XAttribute("name", cases[0].Scenario.Feature.Title),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(r => r.Status is ScenarioStatus.Failed or ScenarioStatus.Ambiguous)),
                new XAttribute("errors", cases.Count(r => r.Status is ScenarioStatus.Broken or ScenarioStatus.Undefined)),
                new XAttribute("skipped", cases.Count(r => r.Status is ScenarioStatus.Skipped or ScenarioStatus.Pending or ScenarioStatus.NotApplicable)),
                new XAttribute("time", Seconds(cases.Sum(r => r.Duration.TotalSeconds))),
                new XAttribute("file", feature.Key));
            foreach (var result in cases)
            {
                suite.Add(Case(result));
            }

            suites.Add(suite);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    /// <summary>Writes the document to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(IReadOnlyList<ScenarioResult> results, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        Build(results).Save(path);
    }

    private static XElement Case(ScenarioResult result)
    {
        var scenario = result.Scenario;
        var element = new XElement(
            "testcase",
            new XAttribute("name", scenario.TestName),
            new XAttribute("classname", scenario.Feature.RelativePath.Replace('/', '.')),
            new XAttribute("time", Seconds(result.Duration.TotalSeconds)),
            new XAttribute("file", scenario.Feature.DisplayPath),
            new XAttribute("line", scenario.Line));
        var steps = string.Join("\n", result.Steps.Select(s => $"{s.Status,-13} {s.Step}"));
        switch (result.Status)
        {
            case ScenarioStatus.Passed:
                break;
            case ScenarioStatus.Failed or ScenarioStatus.Ambiguous:
                element.Add(new XElement("failure", new XAttribute("message", FirstLine(result.Message)), new XAttribute("type", result.Error?.GetType().Name ?? result.Status.ToString()), $"{result.Message}\n\n{steps}"));
                break;
            case ScenarioStatus.Broken or ScenarioStatus.Undefined:
                element.Add(new XElement("error", new XAttribute("message", FirstLine(result.Message)), new XAttribute("type", result.Error?.GetType().Name ?? result.Status.ToString()), $"{result.Message}\n\n{result.Error}\n\n{steps}"));
                break;
            default:
                element.Add(new XElement("skipped", new XAttribute("message", $"{result.Status}: {FirstLine(result.Message)}")));
                break;
        }

        element.Add(new XElement("system-out", steps));
        return element;
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}

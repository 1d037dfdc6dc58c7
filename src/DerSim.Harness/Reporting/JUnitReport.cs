using System.Globalization;
using System.Xml.Linq;
using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;

namespace DerSim.Harness.Reporting;

/// <summary>
/// JUnit XML for CI test tabs: one testsuite per feature, one testcase per scenario, by verdict: FAIL a
/// <c>failure</c>, ERROR an <c>error</c>, N/A and INCONCLUSIVE <c>skipped</c> with the verdict and reason as message.
/// </summary>
public static class JUnitReport
{
    /// <summary>The document for <paramref name="results"/>; <paramref name="missingStepsFail"/> as <see cref="Verdicts.Of"/> takes it.</summary>
    public static XDocument Build(IReadOnlyList<ScenarioResult> results, string suiteName = "dersim", bool missingStepsFail = false)
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
                new XAttribute("failures", cases.Count(r => Verdicts.Of(r.Status, missingStepsFail) == ConformanceVerdict.Fail)),
                new XAttribute("errors", cases.Count(r => Verdicts.Of(r.Status, missingStepsFail) == ConformanceVerdict.Error)),
                new XAttribute("skipped", cases.Count(r => Verdicts.Of(r.Status, missingStepsFail) is ConformanceVerdict.NotApplicable or ConformanceVerdict.Inconclusive)),
                new XAttribute("time", Seconds(cases.Sum(r => r.Duration.TotalSeconds))),
                new XAttribute("file", feature.Key));
            foreach (var result in cases)
            {
                suite.Add(Case(result, Verdicts.Of(result.Status, missingStepsFail)));
            }

            suites.Add(suite);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    /// <summary>Writes the document to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(IReadOnlyList<ScenarioResult> results, string path, bool missingStepsFail = false)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        Build(results, missingStepsFail: missingStepsFail).Save(path);
    }

    private static XElement Case(ScenarioResult result, ConformanceVerdict verdict)
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
        switch (verdict)
        {
            case ConformanceVerdict.Pass:
                break;
            case ConformanceVerdict.Fail:
                element.Add(new XElement("failure", new XAttribute("message", FirstLine(result.Message)), new XAttribute("type", result.Error?.GetType().Name ?? result.Status.ToString()), $"{result.Message}\n\n{steps}"));
                break;
            case ConformanceVerdict.Error:
                element.Add(new XElement("error", new XAttribute("message", FirstLine(result.Message)), new XAttribute("type", result.Error?.GetType().Name ?? result.Status.ToString()), $"{result.Message}\n\n{result.Error}\n\n{steps}"));
                break;
            default:
                element.Add(new XElement("skipped", new XAttribute("message", $"{Verdicts.Label(verdict)}: {FirstLine(result.Message)}")));
                break;
        }

        element.Add(new XElement("system-out", steps));
        return element;
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}

using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Drivers.Verdicts;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// Every bundled case the CSMS must be made to act in (<c>@csms-initiated</c>), run with the Manual driver and nobody at
/// the console, against the embedded CSMS (whose security profile each case sets up, so every case applies): each asks
/// the operator (naming the station and the action) and ends INCONCLUSIVE when its timeout passes — never passed,
/// failed or not applicable, since nothing was judged.
/// </summary>
public sealed class ManualNobodyTests
{
    [Test]
    public async Task Each_CSMS_initiated_case_ends_inconclusive_within_the_operator_timeout()
    {
        var settings = new DerSimSettings { CallTimeoutSeconds = 3, CsmsDriver = "Manual", ManualTimeoutSeconds = 0.2 };
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "features", "conformance");
        using var prompts = new StringWriter();
        var results = new List<ScenarioResult>();
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var ran = await InlineScenarios.RunFileAsync(file, null, settings, prompts, s => s.Tags.Contains("csms-initiated"));
            if (ran.Count > 0)
            {
                versions.Add(Path.GetFileName(Path.GetDirectoryName(file))!);
            }

            results.AddRange(ran);
        }

        // The cases the CSMS starts: 1.6 (every feature profile), 2.0.1 and 2.1.
        ScenarioTagsOf(results).Count.ShouldBeGreaterThanOrEqualTo(150);
        versions.ShouldBe(["1.6", "2.0.1", "2.1"]);
        var summary = string.Join("\n", results.Where(r => r.Status != ScenarioStatus.Inconclusive).Select(r => $"{r.Scenario}: {r.Status} {r.Message}"));
        results.ShouldAllBe(r => r.Status == ScenarioStatus.Inconclusive, summary);
        results.ShouldAllBe(r => r.Message!.Contains("no operator made the CSMS send", StringComparison.Ordinal));
        prompts.ToString().ShouldContain(">>> Operator:");
        prompts.ToString().ShouldContain(TargetDeclaration.Default.StationId(1)!);
    }

    private static HashSet<string> ScenarioTagsOf(IEnumerable<ScenarioResult> results) =>
        [.. results.SelectMany(r => ScenarioTags.CaseIdsOf(r.Scenario.Tags))];
}

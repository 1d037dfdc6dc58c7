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
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "features", "conformance", "2.0.1");
        using var prompts = new StringWriter();
        var results = new List<ScenarioResult>();
        foreach (var file in Directory.GetFiles(folder, "*.feature").Order(StringComparer.Ordinal))
        {
            results.AddRange(await InlineScenarios.RunFileAsync(file, null, settings, prompts, s => s.Tags.Contains("csms-initiated")));
        }

        // Core, Smart Charging and Advanced Security cases the CSMS starts, each for 2.0.1 and 2.1.
        ScenarioTagsOf(results).Count.ShouldBeGreaterThanOrEqualTo(70);
        var summary = string.Join("\n", results.Where(r => r.Status != ScenarioStatus.Inconclusive).Select(r => $"{r.Scenario}: {r.Status} {r.Message}"));
        results.ShouldAllBe(r => r.Status == ScenarioStatus.Inconclusive, summary);
        results.ShouldAllBe(r => r.Message!.Contains("no operator made the CSMS send", StringComparison.Ordinal));
        prompts.ToString().ShouldContain(">>> Operator:");
        prompts.ToString().ShouldContain(TargetDeclaration.Default.StationId(1)!);
    }

    private static HashSet<string> ScenarioTagsOf(IEnumerable<ScenarioResult> results) =>
        [.. results.SelectMany(r => ScenarioTags.CaseIdsOf(r.Scenario.Tags))];
}

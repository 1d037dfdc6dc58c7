using DerSim.Harness.Configuration;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Model;
using DerSim.Gherkin.Glue;

namespace DerSim.Harness.Tests.Features;

/// <summary>Runs the bundled features (a selection by tag expression, or all) in process with given settings, one scenario at a time.</summary>
internal static class FeatureRun
{
    /// <summary>The results, and a line per scenario (status, name, first line of the message) to show on failure.</summary>
    public static async Task<(IReadOnlyList<ScenarioResult> Results, string Summary)> RunAsync(
        DerSimSettings settings, IReadOnlyDictionary<string, string> environment, string? tags = null)
    {
        var features = FeatureLoader.Load([Path.Combine(TestContext.CurrentContext.TestDirectory, "features")], "en");
        features.Errors.ShouldBeEmpty();
        var selected = tags is null ? null : TagExpression.Parse(tags);
        var scenarios = features.Features.SelectMany(f => f.Scenarios).Where(s => selected?.Matches(s.Tags) ?? true).ToList();

        using var runner = new ReqnrollExecutor(typeof(ScenarioWorldOptions).Assembly)
        {
            RunValues = [new ScenarioWorldOptions { Settings = settings, Environment = name => environment.GetValueOrDefault(name), Output = TextWriter.Null }],
        };
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            results.Add(await runner.RunAsync(scenario, CancellationToken.None));
        }

        await runner.EndRunAsync();
        var summary = string.Join("\n", results.Select(r => $"{r.Status,-13} {r.Scenario} {(r.Status == ScenarioStatus.Passed ? "" : r.Message.Split('\n')[0])}"));
        return (results, summary);
    }
}

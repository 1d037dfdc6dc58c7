using System.Runtime.CompilerServices;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Gherkin.Features;
using DerSim.Harness.Gherkin.Model;
using DerSim.Harness.Gherkin.Runtime;

namespace DerSim.Harness.Tests.Reporting;

/// <summary>Runs the reporting tests' feature files (read from the source tree) through a real TestRunner.</summary>
internal static class ReportingRig
{
    /// <summary>This folder in the source tree.</summary>
    public static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public static string FeaturesDirectory(string name) => Path.Combine(SourceDirectory(), "Features", name);

    /// <summary>Runs every scenario of <paramref name="featuresFolder"/> in order with <paramref name="bindings"/>, then ends the run.</summary>
    public static Task<IReadOnlyList<ScenarioResult>> RunAsync(string featuresFolder, IEnumerable<Type> bindings, params IGherkinRunListener[] listeners) =>
        RunDirectoryAsync(FeaturesDirectory(featuresFolder), bindings, null, listeners);

    /// <summary>
    /// Runs every scenario of the feature files under <paramref name="directory"/> in order with
    /// <paramref name="bindings"/>, the scenario worlds made with <paramref name="world"/> (null: the defaults), then ends the run.
    /// </summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunDirectoryAsync(string directory, IEnumerable<Type> bindings, ScenarioWorldOptions? world, params IGherkinRunListener[] listeners)
    {
        var loaded = FeatureLoader.Load([directory], "en");
        loaded.Errors.ShouldBeEmpty();
        var registry = BindingRegistry.Discover(bindings);
        registry.Errors.ShouldBeEmpty();
        using var runner = TestRunner.Create(registry, new GherkinRunOptions { Listeners = listeners }, TestContext.CurrentContext.TestDirectory);
        if (world is not null)
        {
            runner.RunContext.Set(world);
        }

        var results = new List<ScenarioResult>();
        foreach (var scenario in loaded.Features.SelectMany(f => f.Scenarios))
        {
            results.Add(await runner.RunAsync(scenario, CancellationToken.None));
        }

        await runner.EndRunAsync();
        return results;
    }
}

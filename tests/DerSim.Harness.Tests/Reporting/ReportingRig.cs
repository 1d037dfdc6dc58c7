using System.Runtime.CompilerServices;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Model;
using DerSim.Gherkin.Glue;

namespace DerSim.Harness.Tests.Reporting;

/// <summary>Runs the reporting tests' feature files (read from the source tree) on the real Reqnroll runtime.</summary>
internal static class ReportingRig
{
    /// <summary>This folder in the source tree.</summary>
    public static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public static string FeaturesDirectory(string name) => Path.Combine(SourceDirectory(), "Features", name);

    /// <summary>Runs every scenario of <paramref name="featuresFolder"/> in order with <paramref name="bindings"/>, then ends the run.</summary>
    public static Task<IReadOnlyList<ScenarioResult>> RunAsync(string featuresFolder, IEnumerable<Type> bindings, params IGherkinRunListener[] listeners) =>
        RunDirectoryAsync(FeaturesDirectory(featuresFolder), bindings, null, listeners);

    /// <summary>
    /// Runs every scenario of the feature files under <paramref name="directory"/> in order, the scenario worlds made
    /// with <paramref name="world"/> (null: the defaults), then ends the run. Reqnroll finds this test assembly's
    /// bindings; DerSim's own steps and hooks join when <paramref name="bindings"/> names one of them.
    /// </summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunDirectoryAsync(string directory, IEnumerable<Type> bindings, ScenarioWorldOptions? world, params IGherkinRunListener[] listeners)
    {
        var loaded = FeatureLoader.Load([directory], "en");
        loaded.Errors.ShouldBeEmpty();
        var withDerSim = bindings.Any(t => t.Assembly == typeof(ScenarioWorldOptions).Assembly);
        var folder = Directory.CreateTempSubdirectory("dersim-rig-").FullName;
        try
        {
            var config = Path.Combine(folder, "reqnroll.json");
            var assemblies = withDerSim ? """, "bindingAssemblies": [ { "assembly": "dersim" } ]""" : "";
            await File.WriteAllTextAsync(config, $$"""{ "language": { "feature": "en-US" }{{assemblies}} }""");
            using var runner = new ReqnrollExecutor(typeof(ReportingRig).Assembly, config)
            {
                Listeners = listeners,
                RunValues = world is null ? [] : [world],
            };
            var results = new List<ScenarioResult>();
            foreach (var scenario in loaded.Features.SelectMany(f => f.Scenarios))
            {
                results.Add(await runner.RunAsync(scenario, CancellationToken.None));
            }

            await runner.EndRunAsync();
            return results;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

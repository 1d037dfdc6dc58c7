using DerSim.Harness.Configuration;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Model;
using DerSim.Gherkin.Glue;

namespace DerSim.Harness.Tests.Drivers.Verdicts;

/// <summary>Runs the scenarios of a feature written in the test against a CSMS (the embedded one when none), in-process.</summary>
internal static class InlineScenarios
{
    /// <summary>The Http driver's templates for the per-action trigger API of <see cref="Csms.ScriptedCsms"/>.</summary>
    public static HttpCsmsSettings TriggerApi(Uri apiUrl, params string[] kinds) => new()
    {
        BaseUrl = apiUrl.ToString(),
        Actions = kinds.ToDictionary(k => k, _ => (HttpActionTemplate?)new HttpActionTemplate { Url = "/api/{stationId}/{ocppAction}", Body = "{payload}" }, StringComparer.Ordinal),
    };

    /// <summary>Runs every scenario of <paramref name="feature"/> (Gherkin text) against <paramref name="csms"/>, reporting to <paramref name="listeners"/>.</summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(string feature, Uri? csms, DerSimSettings settings, TextWriter? output = null, params IGherkinRunListener[] listeners)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dersim-{Guid.NewGuid():N}.feature");
        await File.WriteAllTextAsync(path, feature);
        try
        {
            return await RunFileAsync(path, csms, settings, output, listeners: listeners);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs the scenarios of the feature file at <paramref name="path"/> (those <paramref name="which"/> picks) against <paramref name="csms"/>.</summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunFileAsync(string path, Uri? csms, DerSimSettings settings, TextWriter? output = null, Func<ScenarioCase, bool>? which = null, IGherkinRunListener[]? listeners = null)
    {
        var features = FeatureLoader.Load([path], "en");
        features.Errors.ShouldBeEmpty();
        var environment = new Dictionary<string, string>();
        if (csms is not null)
        {
            environment["DERSIM_CSMS_URL"] = csms.ToString();
        }

        using var runner = new ReqnrollExecutor(typeof(ScenarioWorldOptions).Assembly)
        {
            Listeners = listeners ?? [],
            RunValues =
            [
                new ScenarioWorldOptions
                {
                    Settings = settings,
                    Environment = name => environment.GetValueOrDefault(name),
                    Output = output ?? TextWriter.Null,
                },
            ],
        };
        var results = new List<ScenarioResult>();
        foreach (var scenario in features.Features.Single().Scenarios.Where(which ?? (_ => true)))
        {
            var result = await runner.RunAsync(scenario, CancellationToken.None);
            TestContext.Out.WriteLine($"{result.Status} {result.Message}");
            results.Add(result);
        }

        await runner.EndRunAsync();
        return results;
    }
}

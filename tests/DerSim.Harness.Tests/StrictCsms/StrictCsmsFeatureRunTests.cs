using DerSim.Harness.Configuration;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Gherkin.Features;
using DerSim.Harness.Gherkin.Model;
using DerSim.Harness.Gherkin.Runtime;

namespace DerSim.Harness.Tests.StrictCsms;

/// <summary>
/// The bundled features against the independent strict CSMS (ocpp-rpc), its CSMS-initiated calls made through its
/// HTTP API by the Http driver configured in tools/strict-csms/dersim.http.json: what it supports passes, what it
/// cannot do is not applicable, nothing fails.
/// </summary>
[NonParallelizable]
public sealed class StrictCsmsFeatureRunTests
{
    [Test]
    public async Task Bundled_features_pass_or_are_not_applicable_against_the_strict_csms()
    {
        await using var csms = await StrictCsmsProcess.StartAsync(heartbeatIntervalSeconds: 300, extraArguments: ["--api-port", "0"]);
        var api = await csms.WaitForAsync(e => e.Kind == "apiListening", TimeSpan.FromSeconds(10));
        var apiUrl = $"http://127.0.0.1:{api.Json.GetProperty("port").GetInt32()}";
        var settings = DerSimConfig.Load(Path.Combine(StrictCsmsProcess.RepoRoot(), "tools", "strict-csms", "dersim.http.json"));
        var environment = new Dictionary<string, string>
        {
            ["DERSIM_CSMS_URL"] = csms.Url.ToString(),
            ["DERSIM_CSMS_API_URL"] = apiUrl,
        };

        var features = FeatureLoader.Load([Path.Combine(TestContext.CurrentContext.TestDirectory, "features")], "en");
        features.Errors.ShouldBeEmpty();
        using var runner = TestRunner.Create([typeof(ScenarioWorldOptions).Assembly], new GherkinRunOptions());
        runner.RunContext.Set(new ScenarioWorldOptions { Settings = settings, Environment = name => environment.GetValueOrDefault(name), Output = TextWriter.Null });

        var results = new List<ScenarioResult>();
        foreach (var scenario in features.Features.SelectMany(f => f.Scenarios))
        {
            results.Add(await runner.RunAsync(scenario, CancellationToken.None));
        }

        await runner.EndRunAsync();
        var summary = string.Join("\n", results.Select(r => $"{r.Status,-13} {r.Scenario} {(r.Status == ScenarioStatus.Passed ? "" : r.Message.Split('\n')[0])}"));
        TestContext.Out.WriteLine(summary);
        results.Where(r => r.Status is not (ScenarioStatus.Passed or ScenarioStatus.NotApplicable)).ShouldBeEmpty(summary);

        // The HTTP API really drove the station: a supported CSMS action passed through it.
        results.ShouldContain(r => r.Status == ScenarioStatus.Passed && r.Scenario.ToString().Contains("TxProfile is accepted", StringComparison.Ordinal), summary);
        results.ShouldContain(r => r.Status == ScenarioStatus.NotApplicable, summary);
        csms.Events.ShouldContain(e => e.Kind == "apiRequest");

        // ocpp-rpc checked every frame either way against the official schemas, V2G and DER ones included.
        csms.Violations.ShouldBeEmpty(summary);
    }
}

using DerSim.Harness.Configuration.Loading;
using DerSim.Gherkin.Model;
using DerSim.Harness.Target;

namespace DerSim.Harness.Tests.StrictCsms;

/// <summary>
/// The bundled features against the independent strict CSMS (ocpp-rpc), its CSMS-initiated calls made through its
/// HTTP API by the Http driver configured in drivers/strict-csms.json: what it supports passes, what it
/// cannot do is not applicable, nothing fails.
/// </summary>
[NonParallelizable]
public sealed class StrictCsmsFeatureRunTests
{
    private static readonly System.Text.Json.JsonSerializerOptions CamelCase = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase };

    [Test]
    public async Task Bundled_features_pass_or_are_not_applicable_against_the_strict_csms()
    {
        // Like any CSMS under test, it knows the tokens of the target declaration: it refuses the unknown, blocked and
        // expired ones, so the refusal scenarios judge it.
        var target = Path.Combine(Path.GetTempPath(), $"dersim-strict-target-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(target, System.Text.Json.JsonSerializer.Serialize(TargetDeclaration.Default, CamelCase));
        await using var csms = await StrictCsmsProcess.StartAsync(heartbeatIntervalSeconds: 300, extraArguments: ["--api-port", "0", "--target", target]);
        var api = await csms.WaitForAsync(e => e.Kind == "apiListening", TimeSpan.FromSeconds(10));
        var apiUrl = $"http://127.0.0.1:{api.Json.GetProperty("port").GetInt32()}";
        // As DERSIM_CONFIG=drivers/strict-csms.json ./dersim run reads it: merged over the repository's reqnroll.json.
        var settings = DerSimConfig.Load(Path.Combine(StrictCsmsProcess.RepoRoot(), "reqnroll.json"), Path.Combine(StrictCsmsProcess.RepoRoot(), "drivers", "strict-csms.json"));
        var environment = new Dictionary<string, string>
        {
            ["DERSIM_CSMS_URL"] = csms.Url.ToString(),
            ["DERSIM_CSMS_API_URL"] = apiUrl,
        };

        var (results, summary) = await Features.FeatureRun.RunAsync(settings, environment);
        TestContext.Out.WriteLine(summary);
        results.Where(r => r.Status is not (ScenarioStatus.Passed or ScenarioStatus.NotApplicable)).ShouldBeEmpty(summary);

        // The HTTP API really drove the station: a supported CSMS action passed through it.
        results.ShouldContain(r => r.Status == ScenarioStatus.Passed && r.Scenario.ToString().Contains("TxProfile is accepted", StringComparison.Ordinal), summary);
        results.ShouldContain(r => r.Status == ScenarioStatus.Passed && r.Scenario.ToString().Contains("reported in the composite schedule and cleared", StringComparison.Ordinal), summary);
        results.ShouldContain(r => r.Status == ScenarioStatus.Passed && r.Scenario.ToString().Contains("20 kW discharge setpoint export energy", StringComparison.Ordinal), summary);
        // The curve TxProfile and AFRRSignal routes: the signal-watt curve scenario needs both to pass.
        results.ShouldContain(r => r.Status == ScenarioStatus.Passed && r.Scenario.ToString().Contains("CentralFrequency follows the aFRR signal", StringComparison.Ordinal), summary);
        results.ShouldContain(r => r.Status == ScenarioStatus.NotApplicable, summary);
        csms.Events.ShouldContain(e => e.Kind == "apiRequest");

        // ocpp-rpc checked every frame either way against the official schemas, V2G and DER ones included.
        csms.Violations.ShouldBeEmpty(summary);
        results.Where(r => r.Scenario.ToString().Contains("does not accept starts nothing", StringComparison.Ordinal)).ShouldAllBe(r => r.Status == ScenarioStatus.Passed, summary);
        File.Delete(target);
    }
}

using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration.Loading;
using DerSim.Harness.Target;

namespace DerSim.Harness.Tests.StrictCsms;

/// <summary>
/// The shipped drivers/octt.json (one trigger endpoint per action, <c>POST {base}/api/octt/{version}/{station}/{action}</c>
/// with the OCPP payload) against the strict CSMS, which serves that endpoint: every case the CSMS must be made to act in
/// passes or is not applicable, and the calls really went through that endpoint.
/// </summary>
[NonParallelizable]
public sealed class StrictCsmsOcttDriverTests
{
    private static readonly System.Text.Json.JsonSerializerOptions CamelCase = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase };

    [Test]
    public async Task The_OCTT_trigger_driver_config_runs_the_CSMS_initiated_cases_against_a_CSMS_that_serves_the_endpoint()
    {
        var target = Path.Combine(Path.GetTempPath(), $"dersim-octt-target-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(target, System.Text.Json.JsonSerializer.Serialize(TargetDeclaration.Default, CamelCase));
        try
        {
            await using var csms = await StrictCsmsProcess.StartAsync(heartbeatIntervalSeconds: 300, extraArguments: ["--api-port", "0", "--target", target]);
            var api = await csms.WaitForAsync(e => e.Kind == "apiListening", TimeSpan.FromSeconds(10));
            // The strict CSMS has no ISO 15118 PKI (it answers the EV's certificate requests Failed and signs no V2G
            // certificate): declared so, those cases are not applicable, as in drivers/strict-csms.json.
            var loaded = DerSimConfig.Load(Path.Combine(StrictCsmsProcess.RepoRoot(), "reqnroll.json"), Path.Combine(StrictCsmsProcess.RepoRoot(), "drivers", "octt.json"));
            var settings = loaded with { Target = loaded.Target with { Features = [.. TargetFeatures.All.Where(f => f != "ISO15118Support")] } };
            var environment = new Dictionary<string, string>
            {
                ["DERSIM_CSMS_URL"] = csms.Url.ToString(),
                ["DERSIM_CSMS_API_URL"] = $"http://127.0.0.1:{api.Json.GetProperty("port").GetInt32()}",
            };

            var (results, summary) = await Features.FeatureRun.RunAsync(settings, environment, "@csms-initiated and @ocpp2.0.1");
            TestContext.Out.WriteLine(summary);
            results.ShouldNotBeEmpty();
            results.Where(r => r.Status is not (ScenarioStatus.Passed or ScenarioStatus.NotApplicable)).ShouldBeEmpty(summary);
            results.Count(r => r.Status == ScenarioStatus.Passed).ShouldBeGreaterThan(results.Count / 2, summary);
            csms.Events.Where(e => e.Kind == "apiRequest").Select(e => e.Json.GetProperty("endpoint").GetString()).ShouldContain("change-availability");
            csms.Violations.ShouldBeEmpty(summary);
        }
        finally
        {
            File.Delete(target);
        }
    }
}

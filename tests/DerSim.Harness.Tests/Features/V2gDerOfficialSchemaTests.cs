using DerSim.Harness.Configuration;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Gherkin.Features;
using DerSim.Harness.Gherkin.Model;
using DerSim.Harness.Gherkin.Runtime;

namespace DerSim.Harness.Tests.Features;

/// <summary>
/// The V2G and DER scenarios with every frame checked against the official OCPP 2.1 schemas (../shared/ocpp-schemas,
/// through <c>dersim.officialSchemasDirectory</c>) instead of DerSim's own: each scenario ends with "every frame is
/// valid against the OCPP schema", so one frame the official schemas refuse fails its scenario.
/// </summary>
[NonParallelizable]
public sealed class V2gDerOfficialSchemaTests
{
    [Test]
    public async Task V2G_and_DER_scenarios_pass_with_every_frame_checked_against_the_official_schemas()
    {
        var root = Csms.OfficialSchemas.RequireRoot();
        var features = FeatureLoader.Load([Path.Combine(TestContext.CurrentContext.TestDirectory, "features")], "en");
        features.Errors.ShouldBeEmpty();
        var selected = TagExpression.Parse("@v2g or @der");
        var scenarios = features.Features.SelectMany(f => f.Scenarios).Where(s => selected.Matches(s.Tags)).ToList();
        scenarios.Count.ShouldBeGreaterThan(40);

        using var runner = TestRunner.Create([typeof(ScenarioWorldOptions).Assembly], new GherkinRunOptions());
        runner.RunContext.Set(new ScenarioWorldOptions
        {
            Settings = new DerSimSettings { OfficialSchemasDirectory = root },
            Environment = _ => null,
            Output = TextWriter.Null,
        });

        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            results.Add(await runner.RunAsync(scenario, CancellationToken.None));
        }

        await runner.EndRunAsync();
        var summary = string.Join("\n", results.Select(r => $"{r.Status,-13} {r.Scenario} {(r.Status == ScenarioStatus.Passed ? "" : r.Message.Split('\n')[0])}"));
        results.Where(r => r.Status != ScenarioStatus.Passed).ShouldBeEmpty(summary);
    }

    [Test]
    public async Task A_folder_without_schemas_is_refused_with_its_path()
    {
        var empty = Directory.CreateTempSubdirectory("dersim-no-schemas-");
        try
        {
            await using var driver = new DerSim.Harness.Drivers.SimulatorDriver(DerSim.Harness.Drivers.CsmsTarget.Reference(), new DerSim.Harness.Traffic.TrafficRecorder());
            var error = Should.Throw<DirectoryNotFoundException>(() => driver.UseOfficialSchemas(empty.FullName));
            error.Message.ShouldContain(empty.FullName);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}

using DerSim.Csms.Tests;
using DerSim.Harness.Configuration;
using DerSim.Gherkin.Model;

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
        var root = DerSim.Csms.Tests.OfficialSchemas.RequireRoot();

        var (results, summary) = await FeatureRun.RunAsync(new DerSimSettings { OfficialSchemasDirectory = root }, new Dictionary<string, string>(), "@v2g or @der");

        results.Count.ShouldBeGreaterThan(40);
        results.Where(r => r.Status != ScenarioStatus.Passed).ShouldBeEmpty(summary);
    }

    [Test]
    public async Task A_folder_without_schemas_is_refused_with_its_path()
    {
        var empty = Directory.CreateTempSubdirectory("dersim-no-schemas-");
        try
        {
            await using var driver = new DerSim.Harness.Drivers.SimulatorDriver(DerSim.Harness.Drivers.Csms.CsmsTarget.Reference(), new DerSim.Harness.Traffic.TrafficRecorder());
            var error = Should.Throw<DirectoryNotFoundException>(() => driver.UseOfficialSchemas(empty.FullName));
            error.Message.ShouldContain(empty.FullName);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Evse;

public class BundledProfilesTests
{
    private static readonly string Dir = ProfilesDirectory.Locate();

    private static readonly string[] Names =
    [
        "EVSE-AC-22kW-1port", "EVSE-AC-7.4kW-2port", "EVSE-DC-150kW-CCS-1port",
        "EVSE-DC-350kW-CCS-2port", "EVSE-Hybrid-2DC-1AC", "EVSE-V2G-DC-50kW-bidir",
    ];

    [Test]
    public void Exactly_the_six_seed_profiles_are_bundled() =>
        EvseProfileLoader.BundledNames(Dir).ShouldBe(Names.Order(StringComparer.Ordinal).ToList());

    [TestCaseSource(nameof(Names))]
    public void Every_bundled_profile_boots_under_every_version(string name)
    {
        var profile = EvseProfileLoader.Load(name, Dir);

        profile.Name.ShouldBe(name);
        profile.Schema.ShouldBe("evse-profile.schema.json");
        profile.Identity.Vendor.ShouldBe("DerSim");
        profile.Identity.Model.Length.ShouldBeLessThanOrEqualTo(20);
        profile.AllConnectors.Count().ShouldBeInRange(1, 3);
    }

    [TestCase("EVSE-AC-22kW-1port", new[] { 22.0 }, 22.0)]
    [TestCase("EVSE-AC-7.4kW-2port", new[] { 7.4, 7.4 }, 14.0)]
    [TestCase("EVSE-DC-150kW-CCS-1port", new[] { 150.0 }, 300.0)]
    [TestCase("EVSE-DC-350kW-CCS-2port", new[] { 350.0, 350.0 }, 700.0)]
    [TestCase("EVSE-Hybrid-2DC-1AC", new[] { 150.0, 150.0, 22.0 }, 400.0)]
    [TestCase("EVSE-V2G-DC-50kW-bidir", new[] { 50.0 }, 100.0)]
    public void Seed_figures_hold(string name, double[] maxKwPerPort, double backingKwh)
    {
        var profile = EvseProfileLoader.Load(name, Dir);

        profile.AllConnectors.Select(c => c.MaxKw).ShouldBe(maxKwPerPort);
        profile.BackingBattery.CapacityKwh.ShouldBe(backingKwh);
    }

    [Test]
    public void Single_AC_port_is_22kW_three_phase_32A_at_230V()
    {
        var connector = EvseProfileLoader.Load("EVSE-AC-22kW-1port", Dir).AllConnectors.Single();

        connector.CurrentType.ShouldBe(CurrentType.AC);
        connector.Type.ShouldBe(ConnectorType.CType2);
        connector.Phases.ShouldBe(3);
        connector.MaxCurrentA.ShouldBe(32);
        connector.NominalVoltageV.ShouldBe(230);
        connector.EnergyTransferModes.ShouldBe([EnergyTransferMode.AcThreePhase]);
    }

    [Test]
    public void Dual_AC_ports_are_single_phase_32A_on_separate_EVSEs_sharing_one_battery()
    {
        var profile = EvseProfileLoader.Load("EVSE-AC-7.4kW-2port", Dir);

        profile.Evses.Select(e => e.Id).ShouldBe([1, 2]);
        profile.AllConnectors.ShouldAllBe(c => c.CurrentType == CurrentType.AC && c.Phases == 1 && c.MaxCurrentA == 32);
        profile.AllConnectors.ShouldAllBe(c => c.EnergyTransferModes.Contains(EnergyTransferMode.AcSinglePhase));
    }

    [TestCase("EVSE-DC-150kW-CCS-1port")]
    [TestCase("EVSE-DC-350kW-CCS-2port")]
    public void DC_profiles_are_CCS(string name) =>
        EvseProfileLoader.Load(name, Dir).AllConnectors
            .ShouldAllBe(c => c.CurrentType == CurrentType.DC && c.Type == ConnectorType.CCcs2 && c.Phases == null);

    [Test]
    public void Hybrid_has_two_DC_and_one_AC_in_one_200kW_group()
    {
        var profile = EvseProfileLoader.Load("EVSE-Hybrid-2DC-1AC", Dir);

        profile.AllConnectors.Count(c => c.CurrentType == CurrentType.DC).ShouldBe(2);
        profile.AllConnectors.Count(c => c.CurrentType == CurrentType.AC).ShouldBe(1);
        var group = profile.PowerGroups.ShouldHaveSingleItem();
        group.BudgetKw.ShouldBe(200);
        group.EvseIds.ShouldBe([1, 2, 3]);
        profile.Evses.Where(e => group.EvseIds.Contains(e.Id)).SelectMany(e => e.Connectors).Count().ShouldBe(3);
    }

    [Test]
    public void V2G_advertises_DC_BPT_and_discharges_50kW()
    {
        var connector = EvseProfileLoader.Load("EVSE-V2G-DC-50kW-bidir", Dir).AllConnectors.Single();

        connector.CurrentType.ShouldBe(CurrentType.DC);
        connector.EnergyTransferModes.ShouldContain(EnergyTransferMode.DcBpt);
        connector.Bidirectional.ShouldNotBeNull().MaxDischargeKw.ShouldBe(50);
    }

    [TestCase("EVSE-AC-22kW-1port", "Power.Offered")]
    [TestCase("EVSE-V2G-DC-50kW-bidir", "Power.Active.Export")]
    public void Profiles_meter_what_the_design_reports(string name, string measurand) =>
        EvseProfileLoader.Load(name, Dir).MeterValues.Measurands.ShouldContain(measurand);

    [Test]
    public void Only_V2G_is_bidirectional() =>
        Names.Where(n => EvseProfileLoader.Load(n, Dir).AllConnectors.Any(c => c.Bidirectional is not null))
            .ShouldBe(["EVSE-V2G-DC-50kW-bidir"]);

    [TestCaseSource(nameof(Names))]
    public void Writing_a_loaded_profile_gives_back_the_file(string name)
    {
        var written = JsonSerializer.Serialize(EvseProfileLoader.Load(name, Dir), EvseProfileJson.Options);
        var original = File.ReadAllText(Path.Combine(Dir, name + ".json"));

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(original)).ShouldBeTrue(written);
    }
}

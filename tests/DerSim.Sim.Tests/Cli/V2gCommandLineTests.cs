using DerSim.Sim.Cli;
using DerSim.Sim.Evse;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Cli;

/// <summary>The seed's V2G line: the default EV is the bidirectional one, arriving with energy to give back, and --help says so.</summary>
public class V2gCommandLineTests
{
    [Test]
    public void The_seed_V2G_line_gets_the_bidirectional_EV_with_room_above_its_minimum_SoC()
    {
        var options = SimCommandLine.Parse(["--ocpp_enable", "yes", "--ocpp_version", "ocpp2.1", "--ocpp_csms_url", "ws://localhost:8081/ocpp",
            "--ocpp_csid", "DERSIM-V2G-1", "--evse_profile", "EVSE-V2G-DC-50kW-bidir.json"]);

        options.ShouldNotBeNull();
        options.Session.Sessions.ShouldBeGreaterThan(0, "a session runs by default");
        var model = EvPresets.DefaultFor(EvseProfileLoader.Load("EVSE-V2G-DC-50kW-bidir", ProfilesDirectory.Locate()));
        model.ShouldBe(EvPresets.V2g50);
        model.Bidirectional.ShouldBeTrue();
        (options.Session.InitialSocPercent ?? model.ArrivalSocPercent).ShouldBeGreaterThan(model.MinSocPercent);
    }

    [Test]
    public void Help_names_the_V2G_preset()
    {
        SimCommandLine.Usage.ShouldContain("v2g-50 is bidirectional");
        SimCommandLine.Usage.ShouldContain("DC_BPT");
    }
}

using DerSim.Sim.Cli;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
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

    [TestCase("--evse_profile", "EVSE-V2G-DC-50kW-bidir.json")]
    [TestCase("--ev", "v2g-50")]
    public async Task A_target_at_or_below_the_bidirectional_EVs_arrival_SoC_is_a_usage_error(string flag, string value)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = flag == "--ev"
            ? ["--ocpp_enable", "no", "--evse_profile", "EVSE-DC-150kW-CCS-1port", "--ev", value, "--ev_target_soc", "40"]
            : ["--ocpp_enable", "no", flag, value, "--ev_target_soc", "40"];

        var exit = await SimProgram.RunAsync(args, stdout, stderr, TimeProvider.System);

        exit.ShouldBe(SimProgram.ExitUsage, stderr.ToString());
        stderr.ToString().ShouldContain("--ev_target_soc 40 must be above the SoC the EV arrives with: v2g-50 arrives at 50 %");
    }

    [Test]
    public async Task A_lower_ev_soc_makes_the_same_target_valid()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await SimProgram.RunAsync(
            ["--ocpp_enable", "no", "--evse_profile", "EVSE-V2G-DC-50kW-bidir", "--ev_soc", "30", "--ev_target_soc", "40", "--duration", "1m"],
            stdout, stderr, TimeProvider.System);

        exit.ShouldBe(SimProgram.ExitOk, stderr.ToString());
    }

    [Test]
    public void Help_names_the_V2G_preset()
    {
        SimCommandLine.Usage.ShouldContain("v2g-50 is bidirectional");
        SimCommandLine.Usage.ShouldContain("DC_BPT");
    }
}

using DerSim.Sim.Cli;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Cli;

/// <summary>The session flags (<c>--ev</c>, <c>--ev_soc</c>, …) parse into <see cref="SimOptions.Session"/>; bad values name the flag and what was expected.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SessionFlagTests
{
    [Test]
    public void Every_session_flag_parses_in_both_forms()
    {
        var spaced = SimCommandLine.Parse([
            "--ev", "Truck-350", "--ev_soc", "10", "--ev_target_soc", "90.5", "--idtag", "DRIVER-1",
            "--sessions", "3", "--time_scale", "120", "--duration", "45m",
        ])!;
        var inline = SimCommandLine.Parse([
            "--ev=truck-350", "--ev_soc=10", "--ev_target_soc=90.5", "--idtag=DRIVER-1",
            "--sessions=3", "--time_scale=120", "--duration=45m",
        ])!;

        foreach (var options in new[] { spaced, inline })
        {
            options.Session.EvPreset.ShouldBe("truck-350");
            options.Session.InitialSocPercent.ShouldBe(10);
            options.Session.TargetSocPercent.ShouldBe(90.5);
            options.Session.IdTag.ShouldBe("DRIVER-1");
            options.Session.Sessions.ShouldBe(3);
            options.Session.TimeScale.ShouldBe(120);
            options.Session.Duration.ShouldBe(TimeSpan.FromMinutes(45));
            options.TimeScaleGiven.ShouldBeTrue();
        }
    }

    [Test]
    public void Without_session_flags_the_plan_is_the_default()
    {
        var options = SimCommandLine.Parse([])!;

        options.Session.ShouldBe(new DerSim.Sim.Engine.SessionPlan());
        options.TimeScaleGiven.ShouldBeFalse();
    }

    [TestCase("90", 90)]
    [TestCase("30s", 30)]
    [TestCase("45m", 2700)]
    [TestCase("2h", 7200)]
    [TestCase("1.5h", 5400)]
    public void Duration_takes_seconds_or_a_unit(string text, double seconds) =>
        SimCommandLine.Parse(["--duration", text])!.Session.Duration.ShouldBe(TimeSpan.FromSeconds(seconds));

    [Test]
    public void Sessions_0_only_stays_connected() =>
        SimCommandLine.Parse(["--sessions", "0"])!.Session.Sessions.ShouldBe(0);

    [TestCase(new[] { "--ev", "tesla" }, "--ev", "compact-ac")]
    [TestCase(new[] { "--ev_soc", "101" }, "--ev_soc", "0 to 100")]
    [TestCase(new[] { "--ev_soc", "-1" }, "--ev_soc", "0 to 100")]
    [TestCase(new[] { "--ev_target_soc", "abc" }, "--ev_target_soc", "0 to 100")]
    [TestCase(new[] { "--ev_soc", "50", "--ev_target_soc", "50" }, "--ev_target_soc 50 must be above --ev_soc 50", "")]
    [TestCase(new[] { "--ev_soc", "85" }, "--ev_target_soc 80 (the default) must be above --ev_soc 85", "")]
    [TestCase(new[] { "--idtag", "ABCDEFGHIJKLMNOPQRSTU" }, "--idtag", "1-20 printable")]
    [TestCase(new[] { "--idtag", "A B" }, "--idtag", "without spaces")]
    [TestCase(new[] { "--sessions", "-1" }, "--sessions", "from 0 to 100000")]
    [TestCase(new[] { "--sessions", "1.5" }, "--sessions", "whole number")]
    [TestCase(new[] { "--time_scale", "0" }, "--time_scale", "from 0.001 to 10000")]
    [TestCase(new[] { "--duration", "soon" }, "--duration", "30s, 45m, 2h")]
    [TestCase(new[] { "--duration", "0" }, "--duration", "above 0")]
    [TestCase(new[] { "--duration", "5d" }, "--duration", "s, m or h")]
    [TestCase(new[] { "--ev" }, "--ev needs a value", "PRESET")]
    public void Bad_session_flag_names_the_flag_and_what_was_expected(string[] args, string flag, string expected)
    {
        var error = Should.Throw<UsageException>(() => SimCommandLine.Parse(args));

        error.Message.ShouldContain(flag);
        error.Message.ShouldContain(expected);
    }

    [Test]
    public void Unknown_EV_lists_every_preset()
    {
        var error = Should.Throw<UsageException>(() => SimCommandLine.Parse(["--ev", "tesla"]));

        foreach (var name in EvPresets.Names)
        {
            error.Message.ShouldContain(name);
        }
    }

    [Test]
    public void Help_documents_every_session_flag_with_an_example()
    {
        var usage = SimCommandLine.Usage;

        foreach (var flag in new[] { "--ev ", "--ev_soc", "--ev_target_soc", "--idtag", "--sessions", "--time_scale", "--duration" })
        {
            usage.ShouldContain(flag);
        }

        usage.ShouldContain("--ev sedan-75 --ev_soc 20 --ev_target_soc 80 --idtag DRIVER-1 --sessions 2 --time_scale 120");
        usage.ShouldContain("--ocpp_enable no --evse_profile EVSE-Hybrid-2DC-1AC --duration 45m");
    }

    [Test]
    public void Idtag_type_defaults_to_the_type_the_token_fits_and_takes_a_type_of_the_version()
    {
        SimCommandLine.Parse([])!.Session.IdTagType.ShouldBeNull();
        SimCommandLine.Parse(["--ocpp_version", "2.1", "--idtag", "VIN123", "--idtag_type", "VIN"])!.Session.IdTagType.ShouldBe("VIN");
        SimCommandLine.Parse(["--idtag_type=KeyCode"])!.Session.IdTagType.ShouldBe("KeyCode");
    }

    [TestCase(new[] { "--idtag_type", "VIN" }, "--idtag_type: 'VIN' is not an OCPP 2.0.1 idToken type; expected one of Central, eMAID, ISO14443")]
    [TestCase(new[] { "--idtag_type", "iso14443", "--ocpp_version", "2.1" }, "--idtag_type: 'iso14443' is not an OCPP 2.1 idToken type")]
    [TestCase(new[] { "--ocpp_version", "1.6", "--idtag_type", "ISO14443" }, "--idtag_type: OCPP 1.6 idTags have no type")]
    public void A_bad_idtag_type_names_the_flag_and_the_version(string[] args, string expected)
    {
        var error = Should.Throw<UsageException>(() => SimCommandLine.Parse(args));
        error.Message.ShouldStartWith(expected);
        error.Message.ShouldNotContain("\n");
    }
}

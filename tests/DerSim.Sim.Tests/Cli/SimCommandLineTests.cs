using DerSim.Sim.Cli;
using DerSim.Ocpp;

namespace DerSim.Sim.Tests.Cli;

/// <summary>The <c>./sim</c> parser: the seed's flags in both spellings, every version spelling, help, and usage errors naming the flag.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SimCommandLineTests
{
    [TestCase("ocpp1.6j", OcppVersion.V16)]
    [TestCase("ocpp1.6", OcppVersion.V16)]
    [TestCase("1.6", OcppVersion.V16)]
    [TestCase("ocpp2.0.1j", OcppVersion.V201)]
    [TestCase("ocpp2.0.1", OcppVersion.V201)]
    [TestCase("2.0.1", OcppVersion.V201)]
    [TestCase("ocpp2.1", OcppVersion.V21)]
    [TestCase("2.1", OcppVersion.V21)]
    public void Every_version_spelling_parses_in_both_flag_forms(string spelling, OcppVersion expected)
    {
        SimCommandLine.Parse(["--ocpp_version", spelling])!.Version.ShouldBe(expected);
        SimCommandLine.Parse([$"--ocpp_version={spelling}"])!.Version.ShouldBe(expected);
    }

    [Test]
    public void The_first_seed_line_parses_to_its_values()
    {
        var options = SimCommandLine.Parse([
            "--ocpp_enable", "yes",
            "--ocpp_version", "ocpp1.6j",
            "--ocpp_csms_url", "ws://localhost:8180/steve/websocket/CentralSystemService",
            "--ocpp_csid", "DERSIM-LAB-1",
            "--evse_profile", "EVSE-AC-22kW-1port.json",
        ])!;

        options.OcppEnabled.ShouldBeTrue();
        options.Version.ShouldBe(OcppVersion.V16);
        options.CsmsUrl.ShouldBe(new Uri("ws://localhost:8180/steve/websocket/CentralSystemService"));
        options.StationId.ShouldBe("DERSIM-LAB-1");
        options.EvseProfile.ShouldBe("EVSE-AC-22kW-1port.json");
    }

    [Test]
    public void The_equals_form_gives_the_same_options_as_the_spaced_form()
    {
        string[] spaced = ["--ocpp_enable", "yes", "--ocpp_version", "ocpp2.1", "--ocpp_csms_url", "wss://csms.example.com/ocpp", "--ocpp_csid", "DERSIM-V2G-1",
            "--evse_profile", "EVSE-V2G-DC-50kW-bidir.json", "--max_connect_attempts", "3", "--call_timeout", "2.5", "--run_for", "4", "--validate", "no"];
        var equals = spaced.Chunk(2).Select(pair => $"{pair[0]}={pair[1]}").ToArray();

        var a = SimCommandLine.Parse(spaced)!;
        var b = SimCommandLine.Parse(equals)!;

        b.ShouldBe(a);
        a.MaxConnectAttempts.ShouldBe(3);
        a.CallTimeoutSeconds.ShouldBe(2.5);
        a.RunForSeconds.ShouldBe(4);
        a.Validate.ShouldBeFalse();
        a.CsmsUrl.Scheme.ShouldBe("wss");
    }

    [Test]
    public void Defaults_apply_when_no_flag_is_given()
    {
        var options = SimCommandLine.Parse([])!;

        options.ShouldBe(new SimOptions());
        options.OcppEnabled.ShouldBeFalse();
        options.EvseProfile.ShouldBe("EVSE-AC-22kW-1port");
        options.MaxConnectAttempts.ShouldBeNull();
        options.PrintFrames.ShouldBeTrue();
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void Help_returns_no_options(string flag) =>
        SimCommandLine.Parse(["--ocpp_enable", "yes", flag]).ShouldBeNull();

    [Test]
    public void Usage_lists_every_seed_flag()
    {
        foreach (var flag in new[] { "--ocpp_enable", "--ocpp_version", "--ocpp_csms_url", "--ocpp_csid", "--evse_profile", "--max_connect_attempts", "--help" })
        {
            SimCommandLine.Usage.ShouldContain(flag);
        }
    }

    [TestCase(new[] { "--ocpp_versoin", "ocpp1.6j" }, "--ocpp_versoin")]
    [TestCase(new[] { "--ocpp-version", "ocpp1.6j" }, "--ocpp_version")]
    [TestCase(new[] { "--ocpp_version", "ocpp1.5" }, "--ocpp_version")]
    [TestCase(new[] { "--ocpp_version=3.0" }, "--ocpp_version")]
    [TestCase(new[] { "--ocpp_csms_url", "http://localhost:8180/ocpp" }, "--ocpp_csms_url")]
    [TestCase(new[] { "--ocpp_csms_url", "not a url" }, "--ocpp_csms_url")]
    [TestCase(new[] { "--ocpp_csms_url" }, "--ocpp_csms_url")]
    [TestCase(new[] { "--ocpp_csid", "--ocpp_enable", "yes" }, "--ocpp_csid")]
    [TestCase(new[] { "--ocpp_csid", "HAS SPACE" }, "--ocpp_csid")]
    [TestCase(new[] { "--ocpp_enable", "maybe" }, "--ocpp_enable")]
    [TestCase(new[] { "--evse_profile=" }, "--evse_profile")]
    [TestCase(new[] { "--max_connect_attempts", "0" }, "--max_connect_attempts")]
    [TestCase(new[] { "--run_for", "-1" }, "--run_for")]
    [TestCase(new[] { "--ocpp_csid", "A", "--ocpp_csid", "B" }, "--ocpp_csid")]
    [TestCase(new[] { "--quiet=yes" }, "--quiet")]
    [TestCase(new[] { "yes" }, "'yes'")]
    public void Bad_input_is_a_usage_error_naming_the_flag(string[] args, string named)
    {
        var error = Should.Throw<UsageException>(() => SimCommandLine.Parse(args));

        error.Message.ShouldContain(named);
    }
}

using DerSim.Sim.Cli;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;

namespace DerSim.Sim.Tests.Cli;

/// <summary>
/// <c>--time_scale</c>: a factor or <c>max</c> (lock-step); a factor too fast for the profile's sample interval is
/// capped, with one warning line, when the station talks to a CSMS.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class TimeScaleFlagTests
{
    [TestCase("--time_scale", "max")]
    [TestCase("--time_scale", "MAX")]
    [TestCase("--time_scale=max", null)]
    public void Max_is_lock_step(string flag, string? value)
    {
        var options = SimCommandLine.Parse(value is null ? [flag] : [flag, value])!;

        options.Session.TimeScale.ShouldBe(SessionPlan.LockStep);
        options.Session.IsLockStep.ShouldBeTrue();
        options.TimeScaleGiven.ShouldBeTrue();
    }

    [Test]
    public void A_factor_is_not_lock_step()
    {
        SimCommandLine.Parse(["--time_scale", "10000"])!.Session.IsLockStep.ShouldBeFalse();
        SimCommandLine.Parse([])!.Session.IsLockStep.ShouldBeFalse();
    }

    [TestCase("fast", "not a number")]
    [TestCase("0", "out of range")]
    [TestCase("10001", "out of range")]
    [TestCase("-1", "out of range")]
    [TestCase("Infinity", "out of range")]
    [TestCase("NaN", "out of range")]
    [TestCase("maximum", "not a number")]
    public void A_bad_value_names_the_flag_the_range_and_max(string value, string problem) =>
        Should.Throw<UsageException>(() => SimCommandLine.Parse(["--time_scale", value]))
            .Message.ShouldBe($"--time_scale: '{value}' is {problem}; expected a factor from 0.001 to 10000, or max");

    [Test]
    public void Help_tells_max_and_the_cap()
    {
        var usage = SimCommandLine.Usage;

        usage.ShouldContain("--time_scale X|max");
        usage.ShouldContain("max: lock-step");
        usage.ShouldContain("the run ends when the sessions are done");
        usage.ShouldContain("capped (with a warning)");
        usage.ShouldContain("--time_scale max instead");
    }

    // interval / (EVSEs x 100 ms): DC-150 30 s / 1, DC-350 10 s / 2, AC-22 60 s / 1, AC-7.4 60 s / 2, Hybrid 30 s / 3, V2G 15 s / 1.
    [TestCase("EVSE-DC-150kW-CCS-1port", 300)]
    [TestCase("EVSE-DC-350kW-CCS-2port", 50)]
    [TestCase("EVSE-AC-22kW-1port", 600)]
    [TestCase("EVSE-AC-7.4kW-2port", 300)]
    [TestCase("EVSE-Hybrid-2DC-1AC", 100)]
    [TestCase("EVSE-V2G-DC-50kW-bidir", 150)]
    public void The_cap_gives_every_EVSE_100_ms_of_wall_time_per_sample_interval(string profile, double cap) =>
        TimeScaleCap.For(EvseProfileLoader.Load(profile, ProfilesDirectory.Locate())).ShouldBe(cap);

    [Test]
    public void The_cap_never_slows_real_time_down()
    {
        var profile = EvseProfileLoader.Load("EVSE-Hybrid-2DC-1AC", ProfilesDirectory.Locate());
        var fast = profile with { MeterValues = profile.MeterValues with { SampleIntervalSeconds = 1 } };

        TimeScaleCap.For(fast).ShouldBe(3);
        TimeScaleCap.For(fast with { Evses = [.. fast.Evses, .. fast.Evses, .. fast.Evses, .. fast.Evses] }).ShouldBe(1);
    }

    [Test]
    public async Task A_factor_above_the_cap_is_capped_with_one_warning_line_naming_the_flag_and_max()
    {
        var (exit, stdout, stderr) = await RunAsync(OnlineTo(ClosedPort(), "--time_scale", "10000"));

        exit.ShouldBe(SimProgram.ExitGaveUp, stderr);
        var lines = stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("sim: warning: --time_scale 10000 is too fast for EVSE-DC-150kW-CCS-1port: its 30 s sample interval would pass in 3 ms of wall time, less than the 100 ms per EVSE (1) a sample's CALL and answer are given, so samples would be skipped; capped at 300 (--time_scale max runs as fast as the CSMS answers, with every sample)");
        lines.Count(l => l.Contains("--time_scale", StringComparison.Ordinal)).ShouldBe(1, stderr);
        stdout.ShouldContain("time scale 300" + Environment.NewLine);
    }

    [TestCase("300")]
    [TestCase("120")]
    [TestCase("max")]
    public async Task A_factor_at_or_below_the_cap_or_max_runs_as_asked_without_a_warning(string scale)
    {
        var (exit, stdout, stderr) = await RunAsync(OnlineTo(ClosedPort(), "--time_scale", scale));

        exit.ShouldBe(SimProgram.ExitGaveUp, stderr);
        stderr.ShouldNotContain("warning");
        stdout.ShouldContain((scale == "max" ? "time scale max (lock-step)" : $"time scale {scale}") + Environment.NewLine);
    }

    [Test]
    public async Task Without_a_CSMS_nothing_is_capped_there_is_no_link()
    {
        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "no", "--evse_profile", "EVSE-DC-150kW-CCS-1port.json", "--time_scale", "10000", "--duration", "2m");

        exit.ShouldBe(SimProgram.ExitOk, stderr);
        stderr.ShouldBeEmpty();
        stdout.ShouldContain("time scale 10000,");
    }

    private static string[] OnlineTo(int port, params string[] more) =>
    [
        "--ocpp_enable", "yes", "--ocpp_csms_url", $"ws://127.0.0.1:{port}/ocpp", "--ocpp_csid", $"CAP-{port}",
        "--evse_profile", "EVSE-DC-150kW-CCS-1port.json", "--max_connect_attempts", "1", .. more,
    ];

    private static int ClosedPort()
    {
        // Bind to get a free port, then release it: nothing listens there for the test's short life.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SimProgram.RunAsync(args, stdout, stderr, TimeProvider.System).WaitAsync(TimeSpan.FromSeconds(60));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

using System.Globalization;
using DerSim.Sim.Cli;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Sim.Tests.Cli;

/// <summary><c>./sim --ocpp_enable no</c>: the physics table of each profile, read back from what the program prints.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class OfflineSimulationTests
{
    [Test]
    public async Task DC_150_table_rises_tapers_and_reaches_80_percent()
    {
        var (exit, stdout, stderr) = await RunAsync("--ocpp_enable", "no", "--evse_profile", "EVSE-DC-150kW-CCS-1port.json");

        exit.ShouldBe(SimProgram.ExitOk, stderr);
        var rows = Rows(stdout);
        rows.Count.ShouldBeInRange(10, OfflineSimulation.MaxRows + 2, stdout);
        rows.ShouldAllBe(r => r.Ports.Count == 1);
        var charging = rows.Where(r => r.Ports[0].Soc is not null).ToList();
        charging[0].Ports[0].Soc.ShouldBe(20);
        charging[0].Ports[0].Kw.ShouldBe(150, 0.05);
        for (var i = 1; i < charging.Count; i++)
        {
            charging[i].Ports[0].Soc!.Value.ShouldBeGreaterThan(charging[i - 1].Ports[0].Soc!.Value, stdout);
            charging[i].Ports[0].Kw.ShouldBeLessThanOrEqualTo(charging[i].Ports[0].OfferedKw + 1e-9);
        }

        // The sedan's curve falls from 200 kW at 40 % to 80 kW at 80 %: the last rows take well under the 150 kW offered.
        charging[^1].Ports[0].Soc!.Value.ShouldBeGreaterThan(75);
        charging[^1].Ports[0].Kw.ShouldBeLessThan(100);
        charging[^1].Ports[0].OfferedKw.ShouldBe(150, 0.05);
        stdout.ShouldContain("EVSE 1 session 1: sedan-75 45.00 kWh delivered, SoC 20.0 % -> 80.0 %");
        stdout.ShouldContain("every session done");
        rows[^1].Ports[0].Soc.ShouldBeNull("the EV is unplugged at its target");
    }

    [Test]
    public async Task AC_7_4_two_ports_both_charge_and_each_gets_a_summary()
    {
        var (exit, stdout, stderr) = await RunAsync("--evse_profile", "EVSE-AC-7.4kW-2port");

        exit.ShouldBe(SimProgram.ExitOk, stderr);
        var rows = Rows(stdout);
        rows.ShouldAllBe(r => r.Ports.Count == 2);
        rows.Count.ShouldBeLessThanOrEqualTo(OfflineSimulation.MaxRows + 2);
        // Two equal cars split the station's one 7.4 kW supply evenly.
        rows[0].Ports.ShouldAllBe(p => Math.Abs(p.Kw - 3.7) < 0.05);
        rows.ShouldAllBe(r => r.Ports.Sum(p => p.Kw) <= 7.4 + 0.05);
        stdout.ShouldContain("EVSE 1 session 1: compact-ac");
        stdout.ShouldContain("EVSE 2 session 1: compact-ac");
        Summaries(stdout).Count.ShouldBe(2);
    }

    [Test]
    public async Task Hybrid_never_delivers_above_its_200_kW_group()
    {
        var (exit, stdout, stderr) = await RunAsync("--evse_profile", "EVSE-Hybrid-2DC-1AC", "--ev_soc", "10");

        exit.ShouldBe(SimProgram.ExitOk, stderr);
        var rows = Rows(stdout);
        rows.ShouldAllBe(r => r.Ports.Count == 3);
        var sums = rows.Select(r => r.Ports.Sum(p => p.Kw)).ToList();
        // Each printed figure is rounded to 0.1 kW, so three of them may sum up to 0.15 kW above the true total.
        sums.ShouldAllBe(s => s <= 200 + 0.15, stdout);
        sums.Max().ShouldBeGreaterThan(199, "three EVs ask for more than the group gives");
    }

    [Test]
    public async Task Sessions_follow_one_another_per_port()
    {
        var (exit, stdout, stderr) = await RunAsync("--evse_profile", "EVSE-V2G-DC-50kW-bidir", "--sessions", "2", "--ev_soc", "60", "--ev_target_soc", "70");

        exit.ShouldBe(SimProgram.ExitOk, stderr);
        var summaries = Summaries(stdout);
        summaries.Count.ShouldBe(2, stdout);
        summaries.ShouldAllBe(s => s.Contains("v2g-50", StringComparison.Ordinal) && s.Contains("SoC 60.0 % -> 70.0 %", StringComparison.Ordinal));
        stdout.ShouldContain("session 2, target 70 %");
    }

    [Test]
    public async Task Duration_cuts_the_run_short()
    {
        var (exit, stdout, stderr) = await RunAsync("--evse_profile", "EVSE-DC-350kW-CCS-2port", "--duration", "5m");

        exit.ShouldBe(SimProgram.ExitOk, stderr);
        Rows(stdout)[^1].At.ShouldBe(TimeSpan.FromMinutes(5));
        stdout.ShouldContain("end at +00:05:00: --duration reached");
        Summaries(stdout).ShouldAllBe(s => s.Contains("truck-350", StringComparison.Ordinal) && s.EndsWith("(target not reached)", StringComparison.Ordinal));
    }

    [Test]
    public async Task Sessions_0_plugs_nothing()
    {
        var (exit, stdout, _) = await RunAsync("--sessions", "0");

        exit.ShouldBe(SimProgram.ExitOk);
        stdout.ShouldContain("no sessions (--sessions 0)");
        Summaries(stdout).ShouldBeEmpty();
    }

    [Test]
    public async Task A_long_session_is_thinned_to_at_most_60_rows_in_whole_sample_intervals()
    {
        var (exit, stdout, _) = await RunAsync("--evse_profile", "EVSE-AC-22kW-1port", "--ev", "phev-ac", "--ev_soc", "0", "--ev_target_soc", "100");

        exit.ShouldBe(SimProgram.ExitOk);
        var rows = Rows(stdout);
        rows.Count.ShouldBeLessThanOrEqualTo(OfflineSimulation.MaxRows + 2);
        var step = rows[1].At - rows[0].At;
        (step.TotalSeconds % 60).ShouldBe(0, "a whole multiple of the profile's 60 s sample interval");
        step.ShouldBeGreaterThan(TimeSpan.FromSeconds(60));
    }

    [Test]
    public async Task An_EV_that_cannot_charge_here_stops_the_run()
    {
        var (exit, stdout, _) = await RunAsync("--evse_profile", "EVSE-DC-150kW-CCS-1port", "--ev", "phev-ac");

        exit.ShouldBe(SimProgram.ExitOk);
        stdout.ShouldContain("no power can flow");
        Summaries(stdout).ShouldHaveSingleItem().ShouldEndWith("(target not reached)");
    }

    [Test]
    public async Task With_time_scale_the_rows_wait_for_scaled_time()
    {
        var clock = new FakeTimeProvider();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // 30 s samples at 60x: one row per half second of the injected clock.
        var run = SimProgram.RunAsync(["--evse_profile", "EVSE-DC-150kW-CCS-1port", "--time_scale", "60", "--duration", "2m"], stdout, stderr, clock);
        await Task.Delay(200);
        Rows(Snapshot(stdout)).Count.ShouldBe(1, "only the +0 row is due");
        run.IsCompleted.ShouldBeFalse();

        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => Rows(Snapshot(stdout)).Count == 3);
        run.IsCompleted.ShouldBeFalse();

        clock.Advance(TimeSpan.FromSeconds(1));
        (await run.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(SimProgram.ExitOk, stderr.ToString());
        Rows(stdout.ToString()).Count.ShouldBe(5);
    }

    [Test]
    public void Same_plan_same_table()
    {
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture);
        var profile = DerSim.Sim.Profiles.EvseProfileLoader.Load("EVSE-Hybrid-2DC-1AC", DerSim.Sim.Profiles.ProfilesDirectory.Locate());
        var plan = new DerSim.Sim.Engine.SessionPlan { Sessions = 2 };

        var first = OfflineSimulation.Simulate(profile, plan, start);
        var second = OfflineSimulation.Simulate(profile, plan, start.AddDays(3));

        second.Lines.Select(l => l.Text).ShouldBe(first.Lines.Select(l => l.Text));
        first.Lines.Select(l => l.At).ShouldBe(first.Lines.Select(l => l.At).Order(), "lines come in simulated-time order");
    }

    private sealed record PortColumns(double Kw, double OfferedKw, double? Soc);

    private sealed record Row(TimeSpan At, IReadOnlyList<PortColumns> Ports, double BatterySoc);

    private static List<Row> Rows(string stdout) =>
        stdout.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith('+'))
            .Select(ParseRow)
            .ToList();

    private static Row ParseRow(string line)
    {
        var cells = line.Split('|', StringSplitOptions.TrimEntries);
        var at = TimeSpan.ParseExact(cells[0][1..], @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var ports = cells[1..^1].Select(c =>
        {
            var parts = c.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new PortColumns(Number(parts[0]), Number(parts[1]), parts[2] == "-" ? null : Number(parts[2]));
        }).ToList();
        return new Row(at, ports, Number(cells[^1]));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static List<string> Summaries(string stdout) =>
        stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("EVSE ", StringComparison.Ordinal) && l.Contains(" session ", StringComparison.Ordinal)).ToList();

    private static string Snapshot(StringWriter writer)
    {
        lock (writer)
        {
            return writer.ToString();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue();
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SimProgram.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

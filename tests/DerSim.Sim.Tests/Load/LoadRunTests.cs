using System.Collections.Concurrent;
using DerSim.Csms;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Cli;
using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>
/// <c>./sim --stations N</c> end to end in-process, over real WebSockets on loopback against the reference CSMS: every
/// station boots and samples, the ids are the ones asked for, and summary.json counts what the CSMS saw. Counts and
/// content only, never wall-clock time.
/// </summary>
[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class LoadRunTests
{
    private string _scratch = null!;

    [SetUp]
    public void SetUp() => _scratch = Directory.CreateTempSubdirectory("dersim-load-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public async Task Twenty_stations_boot_sample_at_the_meter_interval_and_the_summary_counts_what_the_CSMS_saw()
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        var seen = new CsmsTally(csms);
        await csms.StartAsync();

        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_version", "1.6", "--ocpp_csms_url", csms.Url.ToString(), "--ocpp_csid", "LT",
            "--stations", "20", "--meter_interval", "1", "--ramp_up", "1000", "--run_for", "6", "--report_dir", _scratch);

        exit.ShouldBe(SimProgram.ExitOk, $"{stdout}\n{stderr}");
        var ids = Enumerable.Range(1, 20).Select(i => $"LT-{i:00000}").ToList();
        csms.Stations.Keys.Order().ShouldBe(ids);
        ids.ShouldAllBe(id => csms.Stations[id].BootCount == 1);
        // Each station charges and samples every simulated second: its samples are each within its own transaction.
        ids.ShouldAllBe(id => seen.Calls(id, "MeterValues") >= 2, seen.Describe());

        var summary = ReadSummary(stdout);
        summary.Run.Stations.ShouldBe(20);
        summary.Stations.Requested.ShouldBe(20);
        summary.Stations.PeakConnected.ShouldBe(20);
        summary.Stations.AllBootedAfterSeconds.ShouldNotBeNull();
        summary.Frames.Sent.ShouldBe(seen.Inbound, seen.Describe());
        summary.Frames.Received.ShouldBe(seen.Outbound, seen.Describe());
        summary.Frames.Lost.ShouldBe(0);
        foreach (var action in new[] { "BootNotification", "StatusNotification", "Authorize", "StartTransaction", "MeterValues", "StopTransaction" })
        {
            var figures = summary.Actions.Single(a => a.Action == action && a.CalledBy == LoadMetrics.ByStation);
            figures.Calls.ShouldBe(seen.Calls(action), action);
            figures.Answered.ShouldBe(seen.Answers(action), action);
            figures.Unanswered.ShouldBe(0, action);
            figures.Latency.Count.ShouldBe(figures.Answered, action);
        }

        summary.Timeline.Count.ShouldBeGreaterThan(0);
        summary.Process.GcPauseSeconds.ShouldBeGreaterThanOrEqualTo(summary.Timeline.Sum(s => s.GcPauseSeconds) - 0.01);
        summary.Process.FullCollections.ShouldBeGreaterThanOrEqualTo(summary.Timeline.Sum(s => s.FullCollections));
        stdout.ShouldContain("s paused by GC");
        stdout.ShouldContain("MeterValues");
        stdout.ShouldContain("p99 ms");
        stderr.ShouldContain("connected");
        File.Exists(Path.Combine(Path.GetDirectoryName(SummaryPath(stdout))!, LoadReport.LogFileName)).ShouldBeTrue();
    }

    [Test]
    public async Task The_ids_of_a_list_file_are_the_stations()
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        await csms.StartAsync();
        var list = Path.Combine(_scratch, "ids.txt");
        await File.WriteAllTextAsync(list, "SITE-A-7\nSITE-B-12\nSITE-C-3\n");

        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_csms_url", csms.Url.ToString(), "--ocpp_csid_list", list, "--sessions", "0",
            "--run_for", "3", "--report_dir", _scratch);

        exit.ShouldBe(SimProgram.ExitOk, $"{stdout}\n{stderr}");
        csms.Stations.Keys.Order().ShouldBe(["SITE-A-7", "SITE-B-12", "SITE-C-3"]);
        ReadSummary(stdout).Stations.Requested.ShouldBe(3);
    }

    [TestCase("2.0.1")]
    [TestCase("2.1")]
    public async Task Each_station_authenticates_with_its_own_password_from_the_id_placeholder(string version)
    {
        var ids = new[] { "PW-00001", "PW-00002", "PW-00003" };
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions
        {
            HeartbeatIntervalSeconds = 300,
            Passwords = ids.ToDictionary(id => id, id => $"secret-{id}-0123456789"),
        });
        var refused = 0;
        csms.Rejected += _ => Interlocked.Increment(ref refused);
        await csms.StartAsync();

        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_version", version, "--ocpp_csms_url", csms.Url.ToString(), "--ocpp_csid", "PW", "--stations", "3",
            "--ocpp_password", "secret-{id}-0123456789", "--meter_interval", "1", "--run_for", "4", "--report_dir", _scratch);

        exit.ShouldBe(SimProgram.ExitOk, $"{stdout}\n{stderr}");
        Volatile.Read(ref refused).ShouldBe(0);
        csms.Stations.Keys.Order().ShouldBe(ids);
        ids.ShouldAllBe(id => csms.Stations[id].BootCount == 1);
        var summary = ReadSummary(stdout);
        summary.Run.OcppVersion.ShouldBe(version);
        summary.Actions.Single(a => a.Action == "TransactionEvent" && a.CalledBy == LoadMetrics.ByStation).Answered.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Test]
    public async Task Shard_2_of_3_runs_the_middle_third_of_the_ids()
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        await csms.StartAsync();

        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_csms_url", csms.Url.ToString(), "--ocpp_csid", "SH", "--stations", "9", "--shard", "2/3",
            "--sessions", "0", "--run_for", "3", "--report_dir", _scratch);

        exit.ShouldBe(SimProgram.ExitOk, $"{stdout}\n{stderr}");
        csms.Stations.Keys.Order().ShouldBe(["SH-00004", "SH-00005", "SH-00006"]);
        var summary = ReadSummary(stdout);
        (summary.Run.ShardIndex, summary.Run.ShardCount, summary.Run.Stations).ShouldBe((2, 3, 3));
        SummaryPath(stdout).ShouldContain("-shard-2-of-3");
    }

    [Test]
    public async Task A_call_the_CSMS_never_answers_is_counted_unanswered()
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        var withheld = 0;
        csms.StationChanged += state =>
        {
            if (state.Connected && state.ConnectionCount == 1 && state.BootCount == 0)
            {
                // Replaces the CSMS's MeterValues handler before the first sample: it takes the CALL and never answers.
                csms.PeerOf(state.StationId).OnRaw("MeterValues", async (payload, ct) =>
                {
                    Interlocked.Increment(ref withheld);
                    await Task.Delay(Timeout.Infinite, ct);
                    return payload;
                });
            }
        };
        await csms.StartAsync();

        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_version", "1.6", "--ocpp_csms_url", csms.Url.ToString(), "--ocpp_csid", "MUTE", "--stations", "2",
            "--meter_interval", "1", "--jitter", "no", "--call_timeout", "1", "--run_for", "5", "--report_dir", _scratch);

        exit.ShouldBe(SimProgram.ExitOk, $"{stdout}\n{stderr}");
        Volatile.Read(ref withheld).ShouldBeGreaterThanOrEqualTo(2);
        var meter = ReadSummary(stdout).Actions.Single(a => a.Action == "MeterValues" && a.CalledBy == LoadMetrics.ByStation);
        meter.Unanswered.ShouldBeGreaterThanOrEqualTo(2, stdout);
        meter.Answered.ShouldBe(0, stdout);
        stderr.ShouldContain("unanswered");
    }

    [TestCase(new[] { "--stations", "0" }, "--stations: '0' is out of range")]
    [TestCase(new[] { "--stations", "many" }, "--stations: 'many' is not a number")]
    [TestCase(new[] { "--stations", "2", "--ramp_up", "0" }, "--ramp_up: '0' is out of range")]
    [TestCase(new[] { "--stations", "2", "--jitter", "maybe" }, "--jitter: 'maybe' is not a number; expected yes, no or a share")]
    [TestCase(new[] { "--stations", "2", "--jitter", "1.5" }, "--jitter: '1.5' is out of range")]
    [TestCase(new[] { "--stations", "2", "--shard", "4/3" }, "--shard: '4/3' is not a shard")]
    [TestCase(new[] { "--stations", "2", "--meter_interval", "0" }, "--meter_interval: '0' is out of range")]
    [TestCase(new[] { "--stations", "2", "--log_lines", "0" }, "--log_lines: '0' is out of range")]
    [TestCase(new[] { "--ramp_up", "10" }, "--ramp_up and --report_dir are for several stations")]
    [TestCase(new[] { "--ocpp_csid_list", "/nowhere/ids.txt" }, "--ocpp_csid_list: file '/nowhere/ids.txt' does not exist")]
    public async Task A_bad_flag_is_one_line_naming_it_and_exit_2(string[] args, string expected)
    {
        var (exit, stdout, stderr) = await RunAsync(["--ocpp_enable", "yes", .. args]);

        exit.ShouldBe(SimProgram.ExitUsage, stderr);
        stderr.ShouldStartWith($"sim: {expected}");
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2, stderr);
        stdout.ShouldBeEmpty();
    }

    [Test]
    public async Task A_bad_id_list_names_file_and_line_and_exits_2()
    {
        var list = Path.Combine(_scratch, "ids.txt");
        await File.WriteAllTextAsync(list, "A-1\nA-1\n");

        var (exit, _, stderr) = await RunAsync("--ocpp_enable", "yes", "--ocpp_csid_list", list, "--report_dir", _scratch);

        exit.ShouldBe(SimProgram.ExitUsage);
        stderr.ShouldStartWith($"sim: --ocpp_csid_list: {list}:2: station id 'A-1' appears again (first at line 1)");
    }

    [Test]
    public async Task A_list_with_fewer_ids_than_stations_asked_for_exits_2()
    {
        var list = Path.Combine(_scratch, "ids.txt");
        await File.WriteAllTextAsync(list, "A-1\nB-2\n");

        var (exit, _, stderr) = await RunAsync("--ocpp_enable", "yes", "--ocpp_csid_list", list, "--stations", "3", "--report_dir", _scratch);

        exit.ShouldBe(SimProgram.ExitUsage);
        stderr.ShouldStartWith($"sim: --stations 3: --ocpp_csid_list {list} has only 2 station id(s)");
    }

    private static string SummaryPath(string stdout) =>
        stdout.Split('\n').Single(l => l.StartsWith("summary: ", StringComparison.Ordinal))["summary: ".Length..].Trim();

    private static LoadSummary ReadSummary(string stdout) => LoadSummaryJson.Read(File.ReadAllText(SummaryPath(stdout)));

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SimProgram.RunAsync(args, stdout, stderr, TimeProvider.System).WaitAsync(TimeSpan.FromSeconds(60));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>What the CSMS saw: frames each way, and CALLs and their CALLRESULTs per station and action.</summary>
    private sealed class CsmsTally
    {
        private readonly ConcurrentDictionary<(string Station, string Action), int> _calls = new();
        private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);
        private long _inbound;
        private long _outbound;

        public CsmsTally(ReferenceCsms csms) => csms.Frame += (station, frame) =>
        {
            if (frame.Direction == FrameDirection.Inbound)
            {
                Interlocked.Increment(ref _inbound);
                if (frame is { MessageType: OcppMessageType.Call, Action: { } action })
                {
                    _calls.AddOrUpdate((station, action), 1, (_, n) => n + 1);
                }
            }
            else
            {
                Interlocked.Increment(ref _outbound);
                if (frame is { MessageType: OcppMessageType.CallResult, Action: { } action })
                {
                    _answers.AddOrUpdate(action, 1, (_, n) => n + 1);
                }
            }
        };

        public long Inbound => Interlocked.Read(ref _inbound);

        public long Outbound => Interlocked.Read(ref _outbound);

        public int Calls(string station, string action) => _calls.GetValueOrDefault((station, action));

        public long Calls(string action) => _calls.Where(c => c.Key.Action == action).Sum(c => c.Value);

        public int Answers(string action) => _answers.GetValueOrDefault(action);

        public string Describe() => string.Join(", ", _calls.GroupBy(c => c.Key.Action).Select(g => $"{g.Key} {g.Sum(c => c.Value)}")) + $"; frames in {Inbound}, out {Outbound}";
    }
}

using System.Net;
using System.Net.Sockets;
using DerSim.Sim.Cli;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Tests.Engine;
using DerSim.Ocpp.Transport;

namespace DerSim.Sim.Tests.Cli;

/// <summary><c>./sim</c> end to end in-process: exit codes and what it prints for help, usage errors, bad profiles and an unreachable CSMS.</summary>
[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SimProgramTests
{
    private string _scratch = null!;

    [SetUp]
    public void SetUp() => _scratch = Directory.CreateTempSubdirectory("dersim-sim-cli-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (exit, stdout, stderr) = await RunAsync("--help");

        exit.ShouldBe(SimProgram.ExitOk);
        stdout.ShouldContain("Usage: ./sim");
        stdout.ShouldContain("--ocpp_version");
        stderr.ShouldBeEmpty();
    }

    [TestCase(new[] { "--ocpp_enable", "yes", "--frobnicate", "1" }, "--frobnicate")]
    [TestCase(new[] { "--ocpp_enable", "yes", "--ocpp_version", "ocpp3.0" }, "--ocpp_version")]
    [TestCase(new[] { "--ocpp_enable", "yes", "--ocpp_csms_url", "ftp://localhost/ocpp" }, "--ocpp_csms_url")]
    [TestCase(new[] { "--ocpp_enable", "yes", "--ocpp_csms_url" }, "--ocpp_csms_url")]
    [TestCase(new[] { "--ocpp_enable", "--ocpp_csid", "X" }, "--ocpp_enable")]
    public async Task Bad_command_line_exits_2_naming_the_flag(string[] args, string flag)
    {
        var (exit, stdout, stderr) = await RunAsync(args);

        exit.ShouldBe(SimProgram.ExitUsage, stderr);
        stderr.ShouldContain(flag);
        stderr.ShouldContain("--help");
        stdout.ShouldBeEmpty();
    }

    [Test]
    public async Task Missing_profile_exits_2_naming_the_file_and_the_bundled_profiles()
    {
        var path = Path.Combine(_scratch, "nowhere.json");

        var (exit, _, stderr) = await RunAsync("--evse_profile", path);

        exit.ShouldBe(SimProgram.ExitUsage);
        stderr.ShouldContain(path);
        stderr.ShouldContain("not found");
        stderr.ShouldContain("EVSE-AC-22kW-1port");
    }

    [Test]
    public async Task Profile_that_is_not_JSON_exits_2_with_file_line_and_path()
    {
        var path = Write("broken.json", "{\n  \"name\": \"Broken\",\n  \"evses\": [\n    { \"id\": 1,, }\n  ]\n}\n");

        var (exit, _, stderr) = await RunAsync("--evse_profile", path);

        exit.ShouldBe(SimProgram.ExitUsage);
        stderr.ShouldContain(path);
        stderr.ShouldContain("line 4");
        stderr.ShouldContain("$.evses");
    }

    [Test]
    public async Task Profile_with_an_invalid_value_exits_2_with_file_line_and_path()
    {
        var bundled = File.ReadAllText(Path.Combine(DerSim.Sim.Profiles.ProfilesDirectory.Locate(), "EVSE-AC-7.4kW-2port.json"));
        var edited = bundled.Replace("\"type\": \"cType2\"", "\"type\": \"cType99\"", StringComparison.Ordinal);
        edited.ShouldNotBe(bundled);
        var path = Write("invalid.json", edited);
        var line = edited[..edited.IndexOf("cType99", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var (exit, _, stderr) = await RunAsync("--ocpp_enable", "yes", "--evse_profile", path);

        exit.ShouldBe(SimProgram.ExitUsage);
        stderr.ShouldContain(path);
        stderr.ShouldContain($"line {line}");
        stderr.ShouldContain("$.evses[0].connectors[0].type");
    }

    [Test]
    public async Task Profile_breaking_a_rule_only_the_schema_has_exits_2_with_file_line_and_path()
    {
        // The loader builds the schema only when a cheap check says the profile may break it (start-up): an empty
        // serial number passes the rules and must still be refused before anything connects.
        var bundled = File.ReadAllText(Path.Combine(DerSim.Sim.Profiles.ProfilesDirectory.Locate(), "EVSE-AC-7.4kW-2port.json"));
        var edited = bundled.Replace("\"serialNumber\": \"DERSIM-AC74-0001\"", "\"serialNumber\": \"\"", StringComparison.Ordinal);
        edited.ShouldNotBe(bundled);
        var path = Write("empty-serial.json", edited);
        var line = edited[..edited.IndexOf("\"serialNumber\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var (exit, _, stderr) = await RunAsync("--ocpp_enable", "yes", "--evse_profile", path);

        exit.ShouldBe(SimProgram.ExitUsage);
        stderr.ShouldContain($"{path}:{line}:");
        stderr.ShouldContain("$.identity.serialNumber");
    }

    [Test]
    public async Task Without_OCPP_the_profile_is_checked_and_the_program_exits_0()
    {
        var (exit, stdout, stderr) = await RunAsync("--ocpp_enable", "no", "--evse_profile", "EVSE-Hybrid-2DC-1AC.json");

        exit.ShouldBe(SimProgram.ExitOk, stderr);
        stdout.ShouldContain("EVSE-Hybrid-2DC-1AC");
        stdout.ShouldContain("OCPP is off");
    }

    [Test]
    public async Task Unreachable_CSMS_is_retried_then_given_up_with_exit_1()
    {
        var port = ClosedPort();

        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_version", "ocpp1.6j", "--ocpp_csms_url", $"ws://127.0.0.1:{port}/ocpp",
            "--ocpp_csid", "UNREACHABLE-1", "--max_connect_attempts", "2");

        exit.ShouldBe(SimProgram.ExitGaveUp, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        stderr.ShouldContain("giving up after 2 attempt(s)");
        stderr.ShouldContain($"127.0.0.1:{port}");
        stdout.Split('\n').Count(l => l.Contains("connection:", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(1, stdout);
    }

    [Test]
    public async Task A_CSMS_that_accepts_the_socket_and_drops_it_at_once_trips_max_connect_attempts()
    {
        var connections = 0;
        await using var csms = new OcppServer(new OcppServerOptions { ActionTables = OcppActionTables.For }, async (peer, _) =>
        {
            Interlocked.Increment(ref connections);
            await peer.DisposeAsync();
        });
        await csms.StartAsync();

        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_version", "ocpp2.0.1", "--ocpp_csms_url", new Uri(csms.Url, "ocpp").ToString(),
            "--ocpp_csid", "DROPPED-1", "--max_connect_attempts", "3").WaitAsync(TimeSpan.FromSeconds(30));

        exit.ShouldBe(SimProgram.ExitGaveUp, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        stderr.ShouldContain("giving up after 3 attempt(s)");
        stderr.ShouldContain("closed the connection before it was established");
        Volatile.Read(ref connections).ShouldBe(3, stdout);
    }

    [TestCase("ocpp1.6j", OcppVersion.V16, "StopTransaction")]
    [TestCase("ocpp2.0.1", OcppVersion.V201, "TransactionEvent")]
    public async Task Run_for_ends_the_running_transaction_and_awaits_its_answer_before_closing(string flag, OcppVersion version, string stopAction)
    {
        var frames = new System.Collections.Concurrent.ConcurrentQueue<OcppFrameEvent>();
        var closedAfter = new System.Collections.Concurrent.ConcurrentQueue<int>();
        await using var csms = new OcppServer(new OcppServerOptions { ActionTables = OcppActionTables.For }, async (peer, ct) =>
        {
            peer.Frame += frames.Enqueue;
            LoopbackCsmsRig.AnswerEverything(peer, version);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // The station closed: note how many frames had crossed by then.
                closedAfter.Enqueue(frames.Count);
            }
        });
        await csms.StartAsync();

        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_version", flag, "--ocpp_csms_url", new Uri(csms.Url, "ocpp").ToString(),
            "--ocpp_csid", $"RUN-FOR-{stopAction}", "--run_for", "3").WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);

        exit.ShouldBe(SimProgram.ExitOk, $"stdout:\n{stdout}\nstderr:\n{stderr}");
        var all = frames.ToList();
        var ended = all.FindIndex(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call } && f.Action == stopAction
            && (f.Raw.Contains("\"reason\":\"Local\"", StringComparison.Ordinal) || f.Raw.Contains("\"stoppedReason\":\"Local\"", StringComparison.Ordinal)));
        ended.ShouldBeGreaterThanOrEqualTo(0, stdout);
        var id = all[ended].MessageId;
        var answered = all.FindIndex(f => f is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.CallResult } && f.MessageId == id);
        answered.ShouldBeGreaterThan(ended, stdout);
        closedAfter.ShouldHaveSingleItem().ShouldBeGreaterThan(answered, stdout);
        stdout.ShouldNotContain("closing anyway");
    }

    private static int ClosedPort()
    {
        // Bind to get a free port, then release it: nothing listens there for the test's short life.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SimProgram.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Sim.Runtime;

namespace DerSim.Sim.Tests.Runtime;

/// <summary>
/// A CSMS that answers badly (CALLERROR, an invalid payload) must not bring the station down: the runner logs it,
/// boots again after a pause, and keeps heartbeating. The CSMS here is a bare <see cref="OcppServer"/> without
/// validation, so it can send what a careless CSMS sends.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class StationRunnerFaultyCsmsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private const string Accepted = """{"currentTime":"2026-01-01T00:00:00Z","interval":1,"status":"Accepted"}""";

    public static IEnumerable<TestCaseData> Faults() =>
        from version in OcppVersions.All
        from fault in new[] { "CALLERROR", "invalid payload" }
        select new TestCaseData(version, fault).SetName($"{version.DisplayName()}: BootNotification answered with a {fault} is retried, not fatal");

    [TestCaseSource(nameof(Faults))]
    public async Task A_faulty_boot_answer_is_logged_and_the_boot_retried(OcppVersion version, string fault)
    {
        var boots = 0;
        await using var csms = await FaultyCsms.StartAsync(peer =>
        {
            peer.OnRaw("BootNotification", (_, _) => Interlocked.Increment(ref boots) switch
            {
                1 when fault == "CALLERROR" => throw new OcppCallErrorException("InternalError", "database not ready"),
                1 => ValueTask.FromResult(Json("""{"status":"Accepted"}""")),
                _ => ValueTask.FromResult(Json(Accepted)),
            });
        });
        await using var station = csms.Run(version, $"FAULT-BOOT-{version}-{fault.Length}");

        await csms.WaitForAsync(() => csms.Count("Heartbeat") >= 1, station);

        Volatile.Read(ref boots).ShouldBe(2, station.Describe());
        csms.Count("StatusNotification").ShouldBe(2, station.Describe());
        station.Log.ShouldContain(l => l.Contains("boot failed", StringComparison.Ordinal), station.Describe());
        station.Runner.Station.Registration.ShouldBe(RegistrationState.Accepted);
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Heartbeat_and_status_answered_with_CALLERROR_do_not_stop_the_station(OcppVersion version)
    {
        await using var csms = await FaultyCsms.StartAsync(peer =>
        {
            peer.OnRaw("BootNotification", (_, _) => ValueTask.FromResult(Json(Accepted)));
            peer.OnRaw("StatusNotification", (_, _) => throw new OcppCallErrorException("InternalError", "status store down"));
            peer.OnRaw("Heartbeat", (_, _) => throw new OcppCallErrorException("InternalError", "clock down"));
        });
        await using var station = csms.Run(version, $"FAULT-HB-{version}");

        await csms.WaitForAsync(() => csms.Count("Heartbeat") >= 2, station);

        csms.Count("StatusNotification").ShouldBe(2, station.Describe());
        csms.Count("BootNotification").ShouldBe(1, station.Describe());
        station.Running.IsCompleted.ShouldBeFalse(station.Describe());
    }

    [TestCase(OcppVersion.V201, "FormationViolation", "FormatViolation")]
    [TestCase(OcppVersion.V21, "OccurenceConstraintViolation", "OccurrenceConstraintViolation")]
    public async Task A_1_6_error_code_spelling_on_2_x_is_accepted_with_one_warning_naming_the_spec_spelling(OcppVersion version, string sent, string official)
    {
        await using var csms = await FaultyCsms.StartAsync(peer =>
        {
            peer.OnRaw("BootNotification", (_, _) => ValueTask.FromResult(Json(Accepted)));
            peer.OnRaw("StatusNotification", (_, _) => ValueTask.FromResult(Json("{}")));
            // Our OcppServer writes each version's own spelling, so the careless CSMS writes its CALLERROR by hand, as
            // soon as the Heartbeat arrives; its handler's own answer comes a second later, to an id already answered.
            peer.Frame += f =>
            {
                if (f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "Heartbeat", MessageId: { } id })
                {
                    _ = peer.SendRawTextAsync($$"""[4,"{{id}}","{{sent}}","1.6 spelling",{}]""");
                }
            };
            peer.OnRaw("Heartbeat", async (_, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                return Json("""{"currentTime":"2026-01-01T00:00:00Z"}""");
            });
        });
        await using var station = csms.Run(version, $"SPELLING-{version}");

        await csms.WaitForAsync(() => csms.Count("Heartbeat") >= 3, station);

        var warnings = station.Log.Where(l => l.Contains("warning:", StringComparison.Ordinal)).ToList();
        warnings.ShouldHaveSingleItem(station.Describe()).ShouldContain($"spells it {official}");
        warnings[0].ShouldContain(sent);
    }

    private static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>A bare OCPP server counting the CALLs it receives.</summary>
    private sealed class FaultyCsms : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
        private OcppServer _server = null!;

        public static async Task<FaultyCsms> StartAsync(Action<OcppRpcPeer> register)
        {
            var csms = new FaultyCsms();
            csms._server = new OcppServer(new OcppServerOptions { ActionTables = OcppActionTables.For }, async (peer, ct) =>
            {
                peer.Frame += f =>
                {
                    if (f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: { } action })
                    {
                        csms._calls.AddOrUpdate(action, 1, (_, n) => n + 1);
                    }
                };
                register(peer);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    // The connection ended.
                }
            });
            await csms._server.StartAsync();
            return csms;
        }

        public int Count(string action) => _calls.GetValueOrDefault(action);

        public RunningStation Run(OcppVersion version, string stationId) =>
            new(new Uri(_server.Url, "ocpp"), version, stationId);

        public async Task WaitForAsync(Func<bool> condition, RunningStation station)
        {
            var deadline = DateTimeOffset.UtcNow + Wait;
            while (!condition())
            {
                if (station.Running.IsFaulted)
                {
                    Assert.Fail($"the station runner died: {station.Running.Exception!.GetBaseException()}\n{station.Describe()}");
                }

                if (DateTimeOffset.UtcNow > deadline)
                {
                    Assert.Fail($"timed out\n{station.Describe()}");
                }

                await Task.Delay(50);
            }
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }

    /// <summary>The real runner with a short pause after a failed boot.</summary>
    private sealed class RunningStation : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public RunningStation(Uri url, OcppVersion version, string stationId)
        {
            var station = new ChargingStation(stationId, EvseProfileLoader.Load("EVSE-AC-7.4kW-2port", ProfilesDirectory.Locate()));
            var options = new OcppClientOptions
            {
                Url = url,
                StationId = stationId,
                Version = version,
                Reconnect = new OcppReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
                Rpc = new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(5), Validator = new DerSim.Ocpp.Validation.OcppSchemaValidator() },
            };
            Runner = new StationRunner(station, options, TimeProvider.System, Log.Enqueue) { BootErrorRetryInterval = TimeSpan.FromMilliseconds(300) };
            Runner.Frame += f => Log.Enqueue(FramePrinter.Format(f, stationId, stationSide: true));
            Running = Task.Run(() => Runner.RunAsync(_stop.Token));
        }

        public StationRunner Runner { get; }

        public Task Running { get; }

        public ConcurrentQueue<string> Log { get; } = new();

        public string Describe() => string.Join("\n", Log);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await Running.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is OperationCanceledException or OcppCallErrorException or OcppSchemaViolationException)
            {
                // Cancelled as asked, or the failure the test already reported.
            }

            _stop.Dispose();
        }
    }
}

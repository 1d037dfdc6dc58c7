using System.Collections.Concurrent;
using System.Text.Json;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Runtime;
using DerSim.Ocpp.Tests.Validation;
using DerSim.Sim.Timing;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Der;

/// <summary>
/// The R block end to end: a 2.1 runner on the V2G profile, on a virtual clock, against a CSMS over 127.0.0.1 that
/// sets, reads and clears DER controls and watches the notifications; every frame is checked against the official schemas.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class DerLoopbackTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Set_get_scheduled_start_stop_alarm_and_refusals_over_the_wire()
    {
        var official = new OcppSchemaValidator(RepoPaths.RequireOfficialSchemas());
        await using var rig = await Rig.StartAsync("DER-LOOP-1");

        // A default LimitMaxDischarge is accepted and reported back after the GetDERControl answer.
        var set = await rig.CallAsync("SetDERControl", """{"isDefault":true,"controlId":"lmd-1","controlType":"LimitMaxDischarge","limitMaxDischarge":{"priority":1,"pctMaxDischargePower":50}}""");
        set.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());

        var get = await rig.CallAsync("GetDERControl", """{"requestId":5,"isDefault":true}""");
        get.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        var report = (await rig.WaitForCallsAsync("ReportDERControl", 1)).Single();
        report.GetProperty("requestId").GetInt32().ShouldBe(5);
        var listed = report.GetProperty("limitMaxDischarge").EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("id").GetString().ShouldBe("lmd-1");
        listed.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        listed.GetProperty("limitMaxDischarge").GetProperty("pctMaxDischargePower").GetDecimal().ShouldBe(50m);
        rig.IndexOf("GetDERControl", OcppMessageType.CallResult).ShouldBeLessThan(rig.IndexOf("ReportDERControl", OcppMessageType.Call));

        // A scheduled FreqDroop from T0+60 s for 120 s: started and stopped at those simulated instants.
        var start = rig.Clock.Now + TimeSpan.FromSeconds(60);
        var droop = await rig.CallAsync("SetDERControl", $$$"""
            {"isDefault":false,"controlId":"fd-1","controlType":"FreqDroop",
             "freqDroop":{"priority":2,"overFreq":50.2,"underFreq":49.8,"overDroop":0.05,"underDroop":0.05,"responseTime":1,"startTime":"{{{start:yyyy-MM-ddTHH:mm:ssZ}}}","duration":120}}
            """);
        droop.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.PassAsync(TimeSpan.FromSeconds(300));
        var startStop = await rig.WaitForCallsAsync("NotifyDERStartStop", 2);
        startStop.Select(n => (n.GetProperty("controlId").GetString(), n.GetProperty("started").GetBoolean(), n.GetProperty("timestamp").GetDateTimeOffset()))
            .ShouldBe([("fd-1", true, start), ("fd-1", false, start + TimeSpan.FromSeconds(120))], rig.Describe());

        // An over-frequency must-trip curve and a frequency step: an alarm while the grid is beyond it, ended after Restore.
        var trip = await rig.CallAsync("SetDERControl", """
            {"isDefault":true,"controlId":"hf-1","controlType":"HFMustTrip",
             "curve":{"priority":1,"yUnit":"Not_Applicable","curveData":[{"x":51.5,"y":0.2},{"x":50.5,"y":10}]}}
            """);
        trip.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        var stepAt = rig.Clock.Now;
        rig.Runner.Engine.Grid.SetFrequency(51);
        var raised = (await rig.WaitForCallsAsync("NotifyDERAlarm", 1)).Single();
        raised.GetProperty("controlType").GetString().ShouldBe("HFMustTrip");
        raised.GetProperty("gridEventFault").GetString().ShouldBe("OverFrequency");
        (raised.TryGetProperty("alarmEnded", out var ended) && ended.GetBoolean()).ShouldBeFalse();
        raised.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(stepAt);
        await rig.PassAsync(TimeSpan.FromSeconds(30));
        rig.Runner.Engine.Grid.Restore();
        var cleared = (await rig.WaitForCallsAsync("NotifyDERAlarm", 2))[1];
        cleared.GetProperty("controlType").GetString().ShouldBe("HFMustTrip");
        cleared.GetProperty("alarmEnded").GetBoolean().ShouldBeTrue();
        cleared.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(stepAt + TimeSpan.FromSeconds(30));

        // Refusals: nothing to clear, and a shape the control type cannot use.
        var clear = await rig.CallAsync("ClearDERControl", """{"isDefault":false,"controlId":"no-such-control"}""");
        clear.GetProperty("status").GetString().ShouldBe("NotFound");
        var misshapen = await rig.CallAsync("SetDERControl", """
            {"isDefault":true,"controlId":"bad-1","controlType":"FreqDroop",
             "curve":{"priority":1,"yUnit":"PctMaxW","curveData":[{"x":50,"y":100}]}}
            """);
        misshapen.GetProperty("status").GetString().ShouldBe("Rejected");
        misshapen.GetProperty("statusInfo").GetProperty("reasonCode").GetString().ShouldNotBeNullOrWhiteSpace();
        var afterRefusals = await rig.CallAsync("GetDERControl", """{"requestId":6,"controlId":"bad-1"}""");
        afterRefusals.GetProperty("status").GetString().ShouldBe("NotFound");

        // Every frame, both ways, against the official 2.1 schemas.
        var violations = rig.Violations(official);
        violations.ShouldBeEmpty(rig.Describe());
        rig.Frames.Count(f => f.Action is "NotifyDERStartStop" or "NotifyDERAlarm" or "ReportDERControl" or "SetDERControl").ShouldBeGreaterThan(10);
    }

    [Test]
    public async Task Notifications_due_while_offline_follow_on_the_next_connection_stamped_when_they_happened()
    {
        var official = new OcppSchemaValidator(RepoPaths.RequireOfficialSchemas());
        await using var rig = await Rig.StartAsync("DER-LOOP-2");
        var start = rig.Clock.Now + TimeSpan.FromSeconds(60);
        var set = await rig.CallAsync("SetDERControl", $$$"""
            {"isDefault":false,"controlId":"lmd-s","controlType":"LimitMaxDischarge",
             "limitMaxDischarge":{"priority":1,"pctMaxDischargePower":20,"startTime":"{{{start:yyyy-MM-ddTHH:mm:ssZ}}}","duration":60}}
            """);
        set.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        (await rig.CallAsync("SetDERControl", """
            {"isDefault":true,"controlId":"lv-1","controlType":"LVMustTrip",
             "curve":{"priority":1,"yUnit":"Not_Applicable","curveData":[{"x":88,"y":2},{"x":50,"y":0.16}]}}
            """)).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.DropAsync();
        await rig.PassAsync(TimeSpan.FromSeconds(200));
        var sagAt = rig.Clock.Now;
        rig.Runner.Engine.Grid.SetVoltage(rig.Runner.Engine.Grid.State.NominalVoltageV * 0.8);
        await rig.WaitOnlineAsync(connections: 2);

        var startStop = await rig.WaitForCallsAsync("NotifyDERStartStop", 2);
        var alarm = (await rig.WaitForCallsAsync("NotifyDERAlarm", 1)).Single();
        startStop.Select(n => (n.GetProperty("controlId").GetString(), n.GetProperty("started").GetBoolean(), n.GetProperty("timestamp").GetDateTimeOffset()))
            .ShouldBe([("lmd-s", true, start), ("lmd-s", false, start + TimeSpan.FromSeconds(60))], rig.Describe());
        alarm.GetProperty("controlType").GetString().ShouldBe("LVMustTrip");
        alarm.GetProperty("gridEventFault").GetString().ShouldBe("UnderVoltage");
        alarm.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(sagAt);
        rig.IndexOf("NotifyDERStartStop", OcppMessageType.Call).ShouldBeGreaterThanOrEqualTo(rig.ConnectedAt[1], "nothing is sent while offline");
        rig.Violations(official).ShouldBeEmpty(rig.Describe());
    }

    /// <summary>The station runner on a virtual clock (the test is an actor: time moves only while it passes time) and the CSMS peer.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));
        private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<int> _connectedAt = new();
        private OcppRpcPeer? _csms;
        private readonly ConcurrentQueue<string> _log = new();
        private OcppServer _server = null!;
        private IDisposable _actor = null!;
        private Task _running = Task.CompletedTask;

        public VirtualClock Clock { get; } = new(T0);

        public StationRunner Runner { get; private set; } = null!;

        /// <summary>The CSMS side of the latest connection.</summary>
        public OcppRpcPeer Csms => Volatile.Read(ref _csms)!;

        /// <summary>How many frames the CSMS had seen when each connection opened.</summary>
        public IReadOnlyList<int> ConnectedAt => [.. _connectedAt];

        /// <summary>Every frame the CSMS saw, in wire order.</summary>
        public ConcurrentQueue<OcppFrameEvent> Frames { get; } = new();

        public static async Task<Rig> StartAsync(string stationId)
        {
            var rig = new Rig();
            var rpc = new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(5), Validator = new OcppSchemaValidator() };
            rig._server = new OcppServer(
                new OcppServerOptions { ActionTables = OcppActionTables.For, Rpc = rpc, Versions = [OcppVersion.V21] },
                async (peer, ct) =>
                {
                    peer.Frame += rig.Frames.Enqueue;
                    peer.OnRaw("BootNotification", (_, _) => Answer($$"""{"currentTime":"{{T0:yyyy-MM-ddTHH:mm:ssZ}}","interval":300,"status":"Accepted"}"""));
                    peer.OnRaw("Heartbeat", (_, _) => Answer($$"""{"currentTime":"{{T0:yyyy-MM-ddTHH:mm:ssZ}}"}"""));
                    foreach (var notification in new[] { "StatusNotification", "NotifyDERStartStop", "NotifyDERAlarm", "ReportDERControl" })
                    {
                        peer.OnRaw(notification, (_, _) => Answer("{}"));
                    }

                    rig._connectedAt.Enqueue(rig.Frames.Count);
                    Volatile.Write(ref rig._csms, peer);
                    rig._connected.TrySetResult();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    catch (OperationCanceledException)
                    {
                        // The connection ended.
                    }
                });
            await rig._server.StartAsync(rig._stop.Token);

            var station = new ChargingStation(stationId, EvseProfileLoader.Load("EVSE-V2G-DC-50kW-bidir", ProfilesDirectory.Locate()));
            var options = new OcppClientOptions
            {
                Url = new Uri(rig._server.Url, "ocpp"),
                StationId = stationId,
                Version = OcppVersion.V21,
                Rpc = rpc,
                Reconnect = new OcppReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromMilliseconds(500), Jitter = false },
            };
            rig.Runner = new StationRunner(station, options, TimeProvider.System, rig._log.Enqueue, new SessionPlan { Sessions = 0 }, rig.Clock);
            rig._actor = rig.Clock.RegisterActor();
            rig._running = Task.Run(() => rig.Runner.RunAsync(rig._stop.Token));
            await rig._connected.Task.WaitAsync(rig._stop.Token);
            await rig.WaitUntilAsync(() => rig.Runner.IsOnline && rig.Frames.Any(f => f.Action == "StatusNotification" && f.MessageType == OcppMessageType.CallResult));
            return rig;
        }

        public async Task<JsonElement> CallAsync(string action, string payload)
        {
            using var doc = JsonDocument.Parse(payload);
            return await Csms.CallRawAsync(action, doc.RootElement.Clone(), _stop.Token);
        }

        /// <summary>Lets <paramref name="span"/> of simulated time pass; the station's actors run on the way.</summary>
        public async Task PassAsync(TimeSpan span) => await Clock.WaitAsync(span, _stop.Token).WaitAsync(TimeSpan.FromSeconds(20));

        /// <summary>The payloads of the station's CALLs of <paramref name="action"/>, once at least <paramref name="count"/> arrived.</summary>
        public async Task<IReadOnlyList<JsonElement>> WaitForCallsAsync(string action, int count)
        {
            await WaitUntilAsync(() => Calls(action).Count >= count);
            return Calls(action);
        }

        /// <summary>Drops the connection from the CSMS side and waits until the station noticed.</summary>
        public async Task DropAsync()
        {
            await Csms.DisposeAsync();
            await WaitUntilAsync(() => !Runner.IsOnline);
        }

        /// <summary>Waits until the station is back online on connection number <paramref name="connections"/>.</summary>
        public Task WaitOnlineAsync(int connections) => WaitUntilAsync(() => Runner.IsOnline && _connectedAt.Count >= connections);

        /// <summary>Where the first CALL of <paramref name="action"/> sits among the frames (-1: none).</summary>
        public int IndexOf(string action, OcppMessageType type) =>
            Frames.ToList().FindIndex(f => f.Action == action && f.MessageType == type);

        /// <summary>What <paramref name="validator"/> finds wrong with each frame's payload, described.</summary>
        public IReadOnlyList<string> Violations(IOcppSchemaValidator validator) =>
        [
            .. Frames.Where(f => f is { Action: not null, MessageType: OcppMessageType.Call or OcppMessageType.CallResult })
                .SelectMany(f =>
                {
                    using var doc = JsonDocument.Parse(f.Raw);
                    var isCall = f.MessageType == OcppMessageType.Call;
                    var payload = doc.RootElement[isCall ? 3 : 2].GetRawText();
                    return validator.Validate(OcppVersion.V21, f.Action!, isCall ? PayloadKind.Request : PayloadKind.Response, payload)
                        .Select(v => $"{f.Action} {f.MessageType}: {v} in {payload}")
                        .Concat(f.Violations.Select(v => $"{f.Action} {f.MessageType} (CSMS peer): {v}"))
                        .ToList();
                }),
        ];

        public string Describe() => string.Join("\n", _log.Concat(Frames.Select(f => f.Raw)));

        public async ValueTask DisposeAsync()
        {
            _actor.Dispose();
            await _stop.CancelAsync();
            try
            {
                await _running.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is OperationCanceledException or OcppConnectionClosedException)
            {
                // Stopped as asked.
            }

            await _server.DisposeAsync();
            _stop.Dispose();
        }

        private static ValueTask<JsonElement> Answer(string json)
        {
            using var doc = JsonDocument.Parse(json);
            return ValueTask.FromResult(doc.RootElement.Clone());
        }

        private List<JsonElement> Calls(string action) =>
            [.. Frames.Where(f => f.Action == action && f.MessageType == OcppMessageType.Call).Select(f =>
            {
                using var doc = JsonDocument.Parse(f.Raw);
                return doc.RootElement[3].Clone();
            })];

        private async Task WaitUntilAsync(Func<bool> condition)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            while (!condition())
            {
                if (_running.IsFaulted)
                {
                    Assert.Fail($"the runner died: {_running.Exception!.GetBaseException()}\n{Describe()}");
                }

                try
                {
                    await Task.Delay(20, timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail("timed out waiting\n" + Describe());
                }
            }
        }
    }
}

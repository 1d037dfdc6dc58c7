using System.Collections.Concurrent;
using System.Globalization;
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

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// A minimal CSMS on a real loopback socket (schema-validated both ways) and a station's real runner (by default the
/// V2G one) on a virtual clock held still from the start, so a test speaks to the station before energy flows and then
/// lets time run. A test may replace any of the CSMS's answers (a misbehaving CSMS) and set the station up first.
/// </summary>
internal sealed class LoopbackCsmsRig : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<OcppRpcPeer> _peer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OcppServer _server = null!;
    private IDisposable? _hold;

    private LoopbackCsmsRig(OcppVersion version) => Version = version;

    public OcppVersion Version { get; }

    public StationRunner Runner { get; private set; } = null!;

    public Task Running { get; private set; } = Task.CompletedTask;

    public ConcurrentQueue<string> Log { get; } = new();

    public ConcurrentQueue<OcppFrameEvent> Frames { get; } = new();

    /// <summary>The status the CSMS answers NotifyEVChargingNeeds with.</summary>
    public string ChargingNeedsStatus { get; set; } = "Accepted";

    public static async Task<LoopbackCsmsRig> StartAsync(
        OcppVersion version,
        string stationId,
        string profile = "EVSE-V2G-DC-50kW-bidir",
        SessionPlan? plan = null,
        Action<OcppRpcPeer>? answers = null,
        Action<ChargingStation>? setUp = null,
        Func<Uri, Uri>? route = null,
        string? stateFile = null)
    {
        var rig = new LoopbackCsmsRig(version);
        var rpc = new OcppRpcOptions { Validator = new OcppSchemaValidator(), CallTimeout = TimeSpan.FromSeconds(5) };
        rig._server = new OcppServer(new OcppServerOptions { ActionTables = OcppActionTables.For, Rpc = rpc, Versions = [version] }, async (peer, ct) =>
        {
            peer.Frame += rig.Frames.Enqueue;
            rig.Register(peer);
            answers?.Invoke(peer);
            rig._peer.TrySetResult(peer);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // The connection ended.
            }
        });
        await rig._server.StartAsync();

        var station = new ChargingStation(stationId, EvseProfileLoader.Load(profile, ProfilesDirectory.Locate()));
        setUp?.Invoke(station);
        var options = new OcppClientOptions { Url = route?.Invoke(rig._server.Url) ?? rig._server.Url, StationId = stationId, Version = version, Rpc = rpc };
        var clock = new VirtualClock(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        rig._hold = clock.Hold();
        rig.Runner = new StationRunner(station, options, TimeProvider.System, rig.Log.Enqueue, plan ?? new SessionPlan { Sessions = 1 }, clock);
        if (stateFile is not null)
        {
            rig.Runner.Engine.Outbox.UseStateFile(stateFile);
        }

        rig.Running = Task.Run(() => rig.Runner.RunAsync(rig._stop.Token));
        return rig;
    }

    /// <summary>The station's CALLs as (action, payload), in wire order.</summary>
    public IReadOnlyList<(string Action, JsonElement Payload)> Calls(string? action = null) =>
        [.. Frames.Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call } && (action is null || f.Action == action))
            .Select(f => (f.Action!, Payload(f.Raw)))];

    /// <summary>The station's TransactionEvents.</summary>
    public IReadOnlyList<JsonElement> TransactionEvents() => [.. Calls("TransactionEvent").Select(c => c.Payload)];

    /// <summary>Every value of <paramref name="measurand"/> the station sent in transaction messages, in wire order.</summary>
    public IReadOnlyList<decimal> Values(string measurand)
    {
        var list = new List<decimal>();
        foreach (var (action, payload) in Calls())
        {
            var name = action switch
            {
                "TransactionEvent" or "MeterValues" => "meterValue",
                "StopTransaction" => "transactionData",
                _ => null,
            };
            if (name is null || !payload.TryGetProperty(name, out var values))
            {
                continue;
            }

            foreach (var sv in values.EnumerateArray().SelectMany(mv => mv.GetProperty("sampledValue").EnumerateArray()))
            {
                if (sv.TryGetProperty("measurand", out var m) && m.GetString() == measurand)
                {
                    var v = sv.GetProperty("value");
                    list.Add(v.ValueKind == JsonValueKind.String ? decimal.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetDecimal());
                }
            }
        }

        return list;
    }

    /// <summary>Every frame either way checked against the official schemas; the violations found.</summary>
    public IReadOnlyList<string> OfficialViolations()
    {
        var official = new OcppSchemaValidator(RepoPaths.RequireOfficialSchemas());
        var found = new List<string>();
        foreach (var frame in Frames)
        {
            if (frame.Action is null || frame.MessageType is not (OcppMessageType.Call or OcppMessageType.CallResult))
            {
                continue;
            }

            var kind = frame.MessageType == OcppMessageType.Call ? PayloadKind.Request : PayloadKind.Response;
            foreach (var v in official.Validate(Version, frame.Action, kind, Payload(frame.Raw).GetRawText()))
            {
                found.Add($"{frame.Action} {kind}: {v} in {frame.Raw}");
            }
        }

        return found;
    }

    /// <summary>Sends a CSMS CALL and returns the station's answer.</summary>
    public async Task<JsonElement> CallAsync(string action, string payload)
    {
        var peer = await _peer.Task.WaitAsync(Wait);
        using var doc = JsonDocument.Parse(payload);
        return await peer.CallRawAsync(action, doc.RootElement.Clone()).WaitAsync(Wait);
    }

    public async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (!condition())
        {
            if (Running.IsFaulted || DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting {what}\n{Describe()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Lets simulated time run.</summary>
    public void ReleaseTime() => Interlocked.Exchange(ref _hold, null)?.Dispose();

    /// <summary>Stops simulated time again.</summary>
    public void HoldTime()
    {
        var hold = Runner.Clock.Hold();
        if (Interlocked.CompareExchange(ref _hold, hold, null) is not null)
        {
            hold.Dispose();
        }
    }

    public string Describe() =>
        $"frames:\n{string.Join("\n", Frames.Select(f => $"{f.Direction} {f.Raw}"))}\nstation log:\n{string.Join("\n", Log)}";

    public async ValueTask DisposeAsync()
    {
        ReleaseTime();
        await _stop.CancelAsync();
        try
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or OcppConnectException or OcppConnectionClosedException)
        {
            // The normal end of a run.
        }

        _stop.Dispose();
        await _server.DisposeAsync();
    }

    // A CALL carries its payload fourth, a CALLRESULT third.
    private static JsonElement Payload(string raw)
    {
        using var doc = JsonDocument.Parse(raw);
        var frame = doc.RootElement;
        return frame[frame.GetArrayLength() - 1].Clone();
    }

    public static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private void Register(OcppRpcPeer peer) => AnswerEverything(peer, Version, ChargingNeedsStatus);

    /// <summary>Registers the answers of a CSMS that accepts everything a station of <paramref name="version"/> sends.</summary>
    public static void AnswerEverything(OcppRpcPeer peer, OcppVersion version, string chargingNeedsStatus = "Accepted")
    {
        const string Now = "2026-01-01T08:00:00Z";
        var v16 = version == OcppVersion.V16;
        peer.OnRaw("BootNotification", (_, _) => ValueTask.FromResult(Json($$"""{"currentTime":"{{Now}}","interval":300,"status":"Accepted"}""")));
        peer.OnRaw("Heartbeat", (_, _) => ValueTask.FromResult(Json($$"""{"currentTime":"{{Now}}"}""")));
        peer.OnRaw("StatusNotification", (_, _) => ValueTask.FromResult(Json("{}")));
        peer.OnRaw("MeterValues", (_, _) => ValueTask.FromResult(Json("{}")));
        peer.OnRaw("Authorize", (_, _) => ValueTask.FromResult(Json(v16 ? """{"idTagInfo":{"status":"Accepted"}}""" : """{"idTokenInfo":{"status":"Accepted"}}""")));
        peer.OnRaw("TransactionEvent", (_, _) => ValueTask.FromResult(Json("{}")));
        peer.OnRaw("StartTransaction", (_, _) => ValueTask.FromResult(Json("""{"transactionId":1,"idTagInfo":{"status":"Accepted"}}""")));
        peer.OnRaw("StopTransaction", (_, _) => ValueTask.FromResult(Json("{}")));
        peer.OnRaw("NotifyEVChargingNeeds", (_, _) => ValueTask.FromResult(Json($$"""{"status":"{{chargingNeedsStatus}}"}""")));
    }
}

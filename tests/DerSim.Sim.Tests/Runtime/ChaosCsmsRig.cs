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
using DerSim.Sim.Tests.Engine;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Runtime;

/// <summary>
/// A CSMS test double on a real loopback WebSocket, reached through a <see cref="NetworkLink"/> that can reset the TCP
/// connection and refuse new ones, and a station's real runner driving its own plan on a scaled clock. The CSMS keeps
/// every CALL it received (with its message id, across connections), answers like a CSMS that accepts everything (1.6
/// StartTransaction: a new transaction id per message, the same one again for a resent message id), and can be told to
/// leave the next transaction message unanswered and drop the connection (or reset the station) instead.
/// </summary>
internal sealed class ChaosCsmsRig : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _startIds = new(StringComparer.Ordinal);
    private OcppServer _server = null!;
    private int _nextTransactionId;
    private volatile Func<OcppRpcPeer, Task>? _onNextTransactionMessage;
    private volatile Func<string, JsonElement, bool>? _holdWhich;
    private volatile OcppRpcPeer? _peer;

    private ChaosCsmsRig(OcppVersion version) => Version = version;

    public OcppVersion Version { get; }

    public StationRunner Runner { get; private set; } = null!;

    public NetworkLink Link { get; private set; } = null!;

    public Task Running { get; private set; } = Task.CompletedTask;

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Every CALL the CSMS received, in arrival order (a resent message appears again with its id).</summary>
    public ConcurrentQueue<ReceivedCall> Received { get; } = new();

    /// <summary>Every CALL the station put on a socket (some may have been lost with it).</summary>
    public ConcurrentQueue<ReceivedCall> SentByStation { get; } = new();

    public int Connections;

    public static async Task<ChaosCsmsRig> StartAsync(OcppVersion version, string stationId, SessionPlan plan, string profile = "EVSE-AC-7.4kW-2port", int sampleIntervalSeconds = 60, Action<ChargingStation>? setUp = null)
    {
        var rig = new ChaosCsmsRig(version);
        var rpc = new OcppRpcOptions { Validator = new OcppSchemaValidator(), CallTimeout = TimeSpan.FromSeconds(10) };
        rig._server = new OcppServer(new OcppServerOptions { ActionTables = OcppActionTables.For, Rpc = rpc, Versions = [version] }, async (peer, ct) =>
        {
            Interlocked.Increment(ref rig.Connections);
            peer.Frame += rig.OnCsmsFrame;
            rig.Register(peer);
            rig._peer = peer;
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
        rig.Link = NetworkLink.For(rig._server.Url);
        rig.Link.Start();

        var station = new ChargingStation(stationId, EvseProfileLoader.Load(profile, ProfilesDirectory.Locate()));
        var interval = station.Configuration.Get("MeterValueSampleInterval")!;
        station.Configuration.TrySet(interval, sampleIntervalSeconds.ToString(CultureInfo.InvariantCulture));
        setUp?.Invoke(station);
        var options = new OcppClientOptions
        {
            Url = rig.Link.Route(rig._server.Url),
            StationId = stationId,
            Version = version,
            Rpc = rpc,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // Chaos needs many reconnects in little time; the back-off's shape is tested elsewhere.
            Reconnect = new OcppReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(30), MaxDelay = TimeSpan.FromMilliseconds(150), StablePeriod = TimeSpan.FromMilliseconds(200) },
        };
        rig.Runner = new StationRunner(station, options, TimeProvider.System, rig.Log.Enqueue, plan);
        rig.Runner.Frame += f =>
        {
            if (f is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.Call })
            {
                rig.SentByStation.Enqueue(ReceivedCall.Of(f.Raw));
            }
        };
        rig.Running = Task.Run(() => rig.Runner.RunAsync(rig._stop.Token));
        return rig;
    }

    /// <summary>The next transaction message the station sends is left unanswered; <paramref name="then"/> runs instead.</summary>
    public void OnNextTransactionMessage(Func<OcppRpcPeer, Task> then, Func<string, JsonElement, bool>? which = null)
    {
        _holdWhich = which;
        _onNextTransactionMessage = then;
    }

    /// <summary>The transaction id the CSMS gave the 1.6 StartTransaction with <paramref name="payload"/>.</summary>
    public int TransactionIdOf(JsonElement payload) => _startIds[payload.GetRawText()];

    /// <summary>Forgets an <see cref="OnNextTransactionMessage"/> that did not fire.</summary>
    public void OnNextTransactionMessageCancel() => _onNextTransactionMessage = null;

    /// <summary>The CSMS side of the current connection, if any.</summary>
    public OcppRpcPeer? Peer => _peer is { IsClosed: false } p ? p : null;

    /// <summary>The received CALLs of the transaction actions, each message id once (a resend counts once).</summary>
    public IReadOnlyList<ReceivedCall> Distinct(params string[] actions) =>
        [.. Received.Where(c => actions.Contains(c.Action)).GroupBy(c => c.MessageId).Select(g => g.First())];

    public async Task UntilAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? Wait);
        while (!condition())
        {
            if (Running.IsFaulted || DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting {what} (running: {Running.Status}, {Running.Exception?.GetBaseException().Message})\n{Describe()}");
            }

            await Task.Delay(10);
        }
    }

    public string Describe(int lastLines = 120) =>
        $"station log (last {lastLines}):\n{string.Join("\n", Log.TakeLast(lastLines))}\nCSMS received (last {lastLines}):\n{string.Join("\n", Received.TakeLast(lastLines).Select(c => $"{c.MessageId} {c.Action} {c.Payload.GetRawText()}"))}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception ex) when (ex is OperationCanceledException or OcppConnectException or OcppConnectionClosedException or TimeoutException)
        {
            // The normal end of a run.
        }

        _stop.Dispose();
        await Link.DisposeAsync();
        await _server.DisposeAsync();
    }

    private void OnCsmsFrame(OcppFrameEvent f)
    {
        if (f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call })
        {
            Received.Enqueue(ReceivedCall.Of(f.Raw));
        }
    }

    private void Register(OcppRpcPeer peer)
    {
        LoopbackCsmsRig.AnswerEverything(peer, Version);
        Answer(peer, "TransactionEvent", _ => "{}");
        Answer(peer, "StopTransaction", _ => "{}");
        Answer(peer, "MeterValues", _ => "{}");

        // A resent StartTransaction (same payload: same message) gets the id its first transmission got.
        Answer(peer, "StartTransaction", payload =>
        {
            var id = _startIds.GetOrAdd(payload.GetRawText(), _ => Interlocked.Increment(ref _nextTransactionId));
            return $$$"""{"transactionId":{{{id}}},"idTagInfo":{"status":"Accepted"}}""";
        });
    }

    private void Answer(OcppRpcPeer peer, string action, Func<JsonElement, string> answer) =>
        peer.OnRaw(action, async (payload, ct) =>
        {
            if (_onNextTransactionMessage is not null && (_holdWhich?.Invoke(action, payload) ?? true)
                && Interlocked.Exchange(ref _onNextTransactionMessage, null) is { } instead)
            {
                await instead(peer);
                await Task.Delay(Timeout.Infinite, ct);
            }

            return LoopbackCsmsRig.Json(answer(payload));
        });

    /// <summary>A CALL as the CSMS received it.</summary>
    public sealed record ReceivedCall(string MessageId, string Action, JsonElement Payload)
    {
        public static ReceivedCall Of(string raw)
        {
            using var doc = JsonDocument.Parse(raw);
            var frame = doc.RootElement;
            return new ReceivedCall(frame[1].GetString()!, frame[2].GetString()!, frame[3].Clone());
        }
    }
}

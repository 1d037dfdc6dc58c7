using System.Collections.Concurrent;
using System.Text.Json;
using DerSim.Ocpp.Dialects;
using DerSim.Sim.Adapters;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Validation;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// A real loopback connection: a bare CSMS peer (real action tables, schema-validated both ways) and a station peer
/// with a real version adapter's handlers, without the runner's boot loop, so a test drives the CSMS side directly.
/// </summary>
internal sealed class AdapterRig : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(20));
    private readonly TaskCompletionSource<OcppRpcPeer> _csms = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<Exception> _deferredErrors = new();
    private OcppServer _server = null!;
    private OcppRpcPeer _station = null!;
    private Task _stationRun = Task.CompletedTask;

    private AdapterRig(ChargingStation station, OcppVersion version)
    {
        Station = station;
        Version = version;
    }

    public ChargingStation Station { get; }

    public OcppVersion Version { get; }

    public OcppRpcPeer Csms { get; private set; } = null!;

    /// <summary>The station's clock; NotifyReport's generatedAt comes from it.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Every frame the CSMS saw, in wire order.</summary>
    public ConcurrentQueue<OcppFrameEvent> CsmsFrames { get; } = new();

    public CancellationToken Token => _cts.Token;

    /// <summary>A device model of the same station and version, to compare against what went over the wire.</summary>
    public DeviceModel NewDeviceModel() => new(Station, networkConfiguration: Version == OcppVersion.V21);

    public static async Task<AdapterRig> StartAsync(OcppVersion version, string profile, int? reportPageSize = null)
    {
        var rig = new AdapterRig(new ChargingStation("DM-" + version.DisplayName(), EvseProfileLoader.Load(profile, ProfilesDirectory.Locate())), version);
        var options = new OcppRpcOptions { Validator = new OcppSchemaValidator(), CallTimeout = TimeSpan.FromSeconds(5) };
        rig._server = new OcppServer(
            new OcppServerOptions { ActionTables = OcppActionTables.For, Rpc = options, Versions = [version] },
            (peer, ct) =>
            {
                peer.Frame += rig.CsmsFrames.Enqueue;
                peer.OnRaw("NotifyReport", (_, _) => ValueTask.FromResult(JsonDocument.Parse("{}").RootElement.Clone()));
                rig._csms.TrySetResult(peer);
                return Task.Delay(Timeout.Infinite, ct);
            });
        await rig._server.StartAsync(rig.Token);

        var client = new OcppClient(
            new OcppClientOptions { Url = rig._server.Url, StationId = rig.Station.StationId, Version = version, Rpc = options },
            OcppActionTables.For(version));
        rig._station = await client.ConnectAsync(rig.Token);
        IVersionAdapter adapter = version switch
        {
            OcppVersion.V201 => new Ocpp2Adapter(Ocpp2Dialect.V201, rig.Time) { NotifyReportPageSize = reportPageSize ?? DeviceModel.DefaultReportPageSize },
            OcppVersion.V21 => new Ocpp2Adapter(Ocpp2Dialect.V21, rig.Time) { NotifyReportPageSize = reportPageSize ?? DeviceModel.DefaultReportPageSize },
            OcppVersion.V16 => new V16Adapter(rig.Time),
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "the device model is 2.x only"),
        };
        var session = new StationSession(rig.Station, rig._station, adapter, rig.Time, rig._deferredErrors.Enqueue, rig.Token);
        adapter.RegisterHandlers(rig._station, session);
        rig._stationRun = rig._station.RunAsync(rig.Token);
        rig.Csms = await rig._csms.Task.WaitAsync(rig.Token);
        return rig;
    }

    public async Task<JsonElement> CallAsync(string action, string payload)
    {
        using var doc = JsonDocument.Parse(payload);
        return await Csms.CallRawAsync(action, doc.RootElement.Clone(), Token);
    }

    /// <summary>The NotifyReport payloads received so far, in arrival order.</summary>
    public IReadOnlyList<string> NotifyReports() =>
        [.. CsmsFrames.Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "NotifyReport" })
            .Select(f => PayloadOf(f.Raw))];

    /// <summary>Waits for the NotifyReport that does not announce more (tbc absent or false).</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForWholeReportAsync()
    {
        while (true)
        {
            if (_deferredErrors.TryPeek(out var error))
            {
                Assert.Fail("sending the report failed: " + error);
            }

            var reports = NotifyReports().Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
            if (reports.Any(r => !r.TryGetProperty("tbc", out var tbc) || !tbc.GetBoolean()))
            {
                return reports;
            }

            await Task.Delay(10, Token);
        }
    }

    public static string PayloadOf(string rawFrame)
    {
        using var doc = JsonDocument.Parse(rawFrame);
        return doc.RootElement[3].GetRawText();
    }

    public async ValueTask DisposeAsync()
    {
        await _station.DisposeAsync();
        try
        {
            await _stationRun;
        }
        catch (Exception ex) when (ex is OperationCanceledException or OcppConnectionClosedException)
        {
            // Closed as asked.
        }

        await _server.DisposeAsync();
        _cts.Dispose();
    }
}

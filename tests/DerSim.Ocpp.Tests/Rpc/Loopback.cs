using System.Collections.Concurrent;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Ocpp.Tests.Rpc;

/// <summary>A real loopback OCPP-J connection: an <see cref="OcppServer"/> (CSMS) and an <see cref="OcppClient"/> (station).</summary>
public sealed class Loopback : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(20));
    private readonly TaskCompletionSource<OcppRpcPeer> _serverPeer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _clientRun = Task.CompletedTask;

    private Loopback(OcppServer server) => Server = server;

    public OcppServer Server { get; }

    public OcppRpcPeer Csms { get; private set; } = null!;

    public OcppRpcPeer Station { get; private set; } = null!;

    public ConcurrentQueue<OcppFrameEvent> CsmsFrames { get; } = new();

    public ConcurrentQueue<OcppFrameEvent> StationFrames { get; } = new();

    public CancellationToken Token => _cts.Token;

    public static OcppRpcOptions Strict { get; } = new() { Validator = new TestValidator(), CallTimeout = TimeSpan.FromSeconds(5) };

    /// <summary>Starts a server accepting <paramref name="version"/>, configures its peer, then connects a station.</summary>
    public static async Task<Loopback> StartAsync(
        OcppVersion version,
        Action<OcppRpcPeer>? configureCsms = null,
        Action<OcppRpcPeer>? configureStation = null,
        OcppRpcOptions? csmsOptions = null,
        OcppRpcOptions? stationOptions = null,
        TimeProvider? stationTime = null)
    {
        Loopback? loopback = null;
        var server = new OcppServer(
            new OcppServerOptions { ActionTables = v => new TestActionTable(v), Rpc = csmsOptions ?? Strict, Versions = [version] },
            (peer, ct) =>
            {
                peer.Frame += loopback!.CsmsFrames.Enqueue;
                configureCsms?.Invoke(peer);
                loopback._serverPeer.TrySetResult(peer);
                return Task.Delay(Timeout.Infinite, ct);
            });
        loopback = new Loopback(server);
        await server.StartAsync(loopback.Token);
        var client = new OcppClient(
            new OcppClientOptions { Url = server.Url, StationId = "CS1", Version = version, Rpc = stationOptions ?? Strict },
            new TestActionTable(version),
            stationTime);
        var station = await client.ConnectAsync(loopback.Token);
        station.Frame += loopback.StationFrames.Enqueue;
        configureStation?.Invoke(station);
        loopback.Station = station;
        loopback._clientRun = station.RunAsync(loopback.Token);
        loopback.Csms = await loopback._serverPeer.Task.WaitAsync(loopback.Token);
        return loopback;
    }

    /// <summary>Waits until a frame matching <paramref name="match"/> has been recorded in <paramref name="frames"/>.</summary>
    public async Task<OcppFrameEvent> WaitForAsync(ConcurrentQueue<OcppFrameEvent> frames, Func<OcppFrameEvent, bool> match)
    {
        while (true)
        {
            var found = frames.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(5, Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Station.DisposeAsync();
        try
        {
            await _clientRun;
        }
        catch (OperationCanceledException)
        {
        }

        await Server.DisposeAsync();
        _cts.Dispose();
    }
}

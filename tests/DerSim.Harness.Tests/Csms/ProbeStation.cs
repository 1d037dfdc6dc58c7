using System.Text.Json;
using DerSim.Sim.Ocpp;
using DerSim.Sim.Ocpp.Json;
using DerSim.Sim.Ocpp.Rpc;
using DerSim.Sim.Ocpp.Transport;

namespace DerSim.Harness.Tests.Csms;

/// <summary>A bare station connection (real client transport, no simulator behind it) for probing a CSMS's answers.</summary>
internal sealed class ProbeStation : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    private ProbeStation(OcppRpcPeer peer)
    {
        Peer = peer;
        _receiving = Task.Run(() => peer.RunAsync(_stop.Token));
    }

    public OcppRpcPeer Peer { get; }

    public static OcppClient Client(Uri csmsUrl, OcppVersion version, string stationId, string? password = null) =>
        new(new OcppClientOptions
        {
            Url = csmsUrl,
            StationId = stationId,
            Version = version,
            BasicAuthPassword = password,
            Rpc = new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(5) },
        }, OcppActionTables.For(version));

    public static async Task<ProbeStation> ConnectAsync(Uri csmsUrl, OcppVersion version, string stationId, string? password = null) =>
        new(await Client(csmsUrl, version, stationId, password).ConnectAsync());

    /// <summary>Sends a CALL with a JSON payload and returns the CALLRESULT payload.</summary>
    public Task<JsonElement> CallAsync(string action, string payloadJson) => Peer.CallRawAsync(action, Rig.Json(payloadJson));

    public async ValueTask DisposeAsync()
    {
        await Peer.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // The receive loop ends with the cancellation.
        }

        _stop.Dispose();
    }
}

using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Csms.Tests;

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
    public Task<JsonElement> CallAsync(string action, string payloadJson)
    {
        using var doc = JsonDocument.Parse(payloadJson);
        return Peer.CallRawAsync(action, doc.RootElement.Clone());
    }

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

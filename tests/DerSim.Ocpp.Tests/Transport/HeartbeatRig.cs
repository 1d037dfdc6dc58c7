using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Tests.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>A real OCPP server on loopback that answers Heartbeat with "t", and a station's Heartbeat through it.</summary>
internal static class HeartbeatRig
{
    /// <summary>The server of <paramref name="options"/> (default: the test action tables), running <paramref name="session"/> (default: answers Heartbeat).</summary>
    public static OcppServer Server(OcppServerOptions? options = null, Func<OcppRpcPeer, CancellationToken, Task>? session = null) =>
        new(
            options ?? new OcppServerOptions { ActionTables = v => new TestActionTable(v) },
            session ?? ((peer, ct) =>
            {
                peer.On<HeartbeatRequest, HeartbeatResponse>((_, _) => ValueTask.FromResult(new HeartbeatResponse("t")));
                return Task.Delay(Timeout.Infinite, ct);
            }));

    /// <summary>Runs the connected <paramref name="station"/>, sends one Heartbeat, closes, and returns the answer's currentTime.</summary>
    public static async Task<string> HeartbeatAsync(OcppRpcPeer station, CancellationToken ct)
    {
        var run = station.RunAsync(ct);
        var response = await station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new(), ct);
        await station.DisposeAsync();
        await run;
        return response.CurrentTime;
    }
}

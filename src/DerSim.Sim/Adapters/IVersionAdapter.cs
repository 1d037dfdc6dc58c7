using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Adapters;

/// <summary>
/// Turns the version-neutral station into one OCPP version's messages: what to send at boot, on a status
/// change and as a heartbeat, and how to answer the CSMS's requests.
/// </summary>
public interface IVersionAdapter
{
    /// <summary>The version spoken.</summary>
    OcppVersion Version { get; }

    /// <summary>Registers the handlers for the CSMS-initiated actions this version's station answers.</summary>
    void RegisterHandlers(OcppRpcPeer peer, StationSession session);

    /// <summary>
    /// Sends BootNotification and returns the CSMS's verdict; <paramref name="onAnswer"/> (optional) adopts it on the
    /// receive path, before the station handles the CSMS's next CALL (see <see cref="OcppRpcPeer.CallAsync{TRequest, TResponse}(TRequest, Action{TResponse}, CancellationToken)"/>).
    /// </summary>
    Task<BootOutcome> BootAsync(OcppRpcPeer peer, ChargingStation station, Action<BootOutcome>? onAnswer, CancellationToken ct);

    /// <summary>Reports one connector's status.</summary>
    Task SendStatusAsync(OcppRpcPeer peer, ChargingStation station, StationConnector connector, CancellationToken ct);

    /// <summary>Sends Heartbeat and returns the CSMS's clock.</summary>
    Task<DateTimeOffset> HeartbeatAsync(OcppRpcPeer peer, CancellationToken ct);

    /// <summary>This version's transaction messages of <paramref name="station"/>, sent through <paramref name="outbox"/>: what the engine attaches to.</summary>
    ITransactionMessages TransactionMessages(TransactionOutbox outbox, ChargingStation station);
}

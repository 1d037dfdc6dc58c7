using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V16;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The 1.6 Core remote requests whose answer depends on the station's hardware, cache and sessions: UnlockConnector
/// (an unknown connector, a fixed cable, a lock that does not open, a transaction on the connector), ClearCache, and the
/// status notifications a TriggerMessage asks for that DerSim reports idle (diagnostics, firmware).
/// </summary>
internal static class V16RemoteHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session)
    {
        var station = session.Station;

        peer.On<UnlockConnectorRequest, UnlockConnectorResponse>(async (request, _) =>
        {
            var status = await UnlockAsync(session, station.ByStationConnectorId(request.ConnectorId)).ConfigureAwait(false);
            return new UnlockConnectorResponse(status);
        });

        peer.On<ClearCacheRequest, ClearCacheResponse>((_, _) =>
        {
            // 1.6 §5.4: the cache is emptied; a station whose cache is switched off (AuthorizationCacheEnabled false)
            // has nothing to clear and answers Rejected.
            if (!station.AuthorizationCache.Enabled)
            {
                return ValueTask.FromResult(new ClearCacheResponse(ClearCacheStatus.Rejected));
            }

            station.AuthorizationCache.Clear();
            return ValueTask.FromResult(new ClearCacheResponse(ClearCacheStatus.Accepted));
        });
    }

    /// <summary>
    /// UnlockConnector in 1.6 terms (§5.18): a connector the charge point does not have, or one with a fixed cable (no
    /// retention lock), is NotSupported; a lock that does not open is UnlockFailed. A transaction on the connector is
    /// stopped first, with reason UnlockCommand, right after the answer Unlocked.
    /// </summary>
    internal static async Task<UnlockConnectorStatus> UnlockAsync(StationSession session, StationConnector? connector)
    {
        if (connector is null || connector.FixedCable)
        {
            return UnlockConnectorStatus.NotSupported;
        }

        if (connector.LockStuck)
        {
            return UnlockConnectorStatus.UnlockFailed;
        }

        if (session.Engine is { } engine)
        {
            await engine.SettleStartsAsync().ConfigureAwait(false);
            if (engine.TransactionOn(connector.EvseId) is { TransactionId: { } transactionId })
            {
                session.AfterAnswer("UnlockConnector", _ =>
                {
                    engine.RequestStop(transactionId, TransactionStopReason.UnlockCommand);
                    return Task.CompletedTask;
                });
            }
        }

        return UnlockConnectorStatus.Unlocked;
    }

    /// <summary>
    /// Sends the DiagnosticsStatusNotification or FirmwareStatusNotification a TriggerMessage asked for after the
    /// answer: Idle when no upload or update is under way, the only use 1.6 allows Idle for (§6.21, §6.29); while a
    /// firmware update runs, its latest status where 1.6 has the name.
    /// </summary>
    internal static bool TriggerStatus(StationSession session, RequestedMessage message)
    {
        switch (message)
        {
            case RequestedMessage.DiagnosticsStatusNotification:
                session.AfterAnswer("TriggerMessage", ct => session.Peer.CallAsync<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>(
                    new DiagnosticsStatusNotificationRequest(DiagnosticsStatusNotificationStatus.Idle), ct));
                return true;
            case RequestedMessage.FirmwareStatusNotification:
                var status = FirmwareStatusNotificationStatus.Idle;
                if (session.Engine is { Firmware: { Current: not null, LastStatus: { } last } }
                    && Enum.TryParse<FirmwareStatusNotificationStatus>(last.ToString(), out var named))
                {
                    status = named;
                }

                session.AfterAnswer("TriggerMessage", ct => session.Peer.CallAsync<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(
                    new FirmwareStatusNotificationRequest(status), ct));
                return true;
            default:
                return false;
        }
    }
}

using System.Globalization;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V16;
using DerSim.Sim.SmartCharging;
using ProfilePurpose = DerSim.Sim.SmartCharging.ChargingProfilePurpose;

namespace DerSim.Sim.Adapters;

/// <summary>The 1.6 requests the station engine answers: remote start/stop and smart charging (connector ids map to EVSEs).</summary>
internal static class V16EngineHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session, StationEngine engine)
    {
        var station = session.Station;

        peer.On<RemoteStartTransactionRequest, RemoteStartTransactionResponse>((request, _) =>
        {
            int? evseId = null;
            if (request.ConnectorId is { } connectorId)
            {
                if (station.ByStationConnectorId(connectorId) is not { } connector)
                {
                    return Answer(RemoteStartTransactionStatus.Rejected);
                }

                evseId = connector.EvseId;
            }

            SmartCharging.ChargingProfile? txProfile = null;
            if (request.ChargingProfile is { } profile)
            {
                // 1.6 §5.11: only a TxProfile may come with a remote start.
                txProfile = V16SmartCharging.FromV16(profile, evseId ?? 0);
                if (txProfile.Purpose != ProfilePurpose.Tx)
                {
                    return Answer(RemoteStartTransactionStatus.Rejected);
                }
            }

            // Where the scenario's steps drive the EVSE, the driver's own steps (plug-in, or none) follow the request:
            // cable plugged in first (the 1.6 CSMS case TC_010), or remote start first (TC_011_1 / TC_011_2).
            if (evseId is { } steppedEvse
                && engine.SteppedSessions.PrepareRemoteStart(steppedEvse, request.IdTag, null, null, txProfile) is { } stepped)
            {
                if (stepped.Accepted && stepped.Begin is { } follow)
                {
                    session.AfterAnswer("RemoteStartTransaction", follow);
                }

                return Answer(stepped.Accepted ? RemoteStartTransactionStatus.Accepted : RemoteStartTransactionStatus.Rejected);
            }

            if (engine.PrepareRemoteStart(evseId, request.IdTag, null, txProfile) is not { } begin)
            {
                return Answer(RemoteStartTransactionStatus.Rejected);
            }

            session.AfterAnswer("RemoteStartTransaction", _ =>
            {
                begin();
                return Task.CompletedTask;
            });
            return Answer(RemoteStartTransactionStatus.Accepted);
        });

        peer.On<RemoteStopTransactionRequest, RemoteStopTransactionResponse>(async (request, _) =>
        {
            var id = request.TransactionId.ToString(CultureInfo.InvariantCulture);
            await engine.SettleStartsAsync().ConfigureAwait(false);
            if (engine.TransactionById(id) is null)
            {
                return new RemoteStopTransactionResponse(RemoteStopTransactionStatus.Rejected);
            }

            session.AfterAnswer("RemoteStopTransaction", _ =>
            {
                engine.RequestStop(id, TransactionStopReason.Remote);
                return Task.CompletedTask;
            });
            return new RemoteStopTransactionResponse(RemoteStopTransactionStatus.Accepted);
        });

        peer.On<SetChargingProfileRequest, SetChargingProfileResponse>(async (request, _) =>
        {
            if (EvseOf(station, request.ConnectorId) is not { } evseId)
            {
                return new SetChargingProfileResponse(SetChargingProfileStatus.Rejected);
            }

            await engine.SettleStartsAsync().ConfigureAwait(false);
            return V16SmartCharging.ToV16(engine.InstallProfile(evseId, V16SmartCharging.FromV16(request)));
        });

        peer.On<ClearChargingProfileRequest, ClearChargingProfileResponse>((request, _) =>
        {
            var query = V16SmartCharging.FromV16(request);
            if (query.EvseId is { } connectorId)
            {
                query = query with { EvseId = EvseOf(station, connectorId) ?? -1 };
            }

            return ValueTask.FromResult(V16SmartCharging.ToV16(engine.ClearProfiles(query)));
        });

        peer.On<GetCompositeScheduleRequest, GetCompositeScheduleResponse>((request, _) =>
        {
            if (EvseOf(station, request.ConnectorId) is not { } evseId)
            {
                return ValueTask.FromResult(new GetCompositeScheduleResponse(GetCompositeScheduleStatus.Rejected));
            }

            var unit = request.ChargingRateUnit is { } asked ? V16SmartCharging.FromV16(asked) : SmartCharging.ChargingRateUnit.W;
            var schedule = engine.CompositeSchedule(evseId, request.Duration, unit);
            return ValueTask.FromResult(V16SmartCharging.ToV16(schedule) with { ConnectorId = request.ConnectorId });
        });
    }

    private static ValueTask<RemoteStartTransactionResponse> Answer(RemoteStartTransactionStatus status) =>
        ValueTask.FromResult(new RemoteStartTransactionResponse(status));

    /// <summary>The EVSE behind a 1.6 connector id (0: the charge point), or null when there is no such connector.</summary>
    private static int? EvseOf(ChargingStation station, int connectorId) =>
        connectorId == 0 ? 0 : station.ByStationConnectorId(connectorId)?.EvseId;
}

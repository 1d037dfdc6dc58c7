using DerSim.Sim.Engine;
using DerSim.Sim.Ocpp;
using DerSim.Sim.Ocpp.Rpc;
using DerSim.Sim.Ocpp.V201;
using DerSim.Sim.SmartCharging;
using ProfilePurpose = DerSim.Sim.SmartCharging.ChargingProfilePurpose;

namespace DerSim.Sim.Adapters;

/// <summary>The 2.0.1 requests the station engine answers: RequestStart/StopTransaction and smart charging.</summary>
internal static class V201EngineHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session, StationEngine engine)
    {
        var station = session.Station;

        peer.On<RequestStartTransactionRequest, RequestStartTransactionResponse>((request, _) =>
        {
            ChargingProfile? txProfile = null;
            if (request.ChargingProfile is { } profile)
            {
                txProfile = V201SmartCharging.FromV201(profile, request.EvseId ?? 0);
                if (txProfile.Purpose != ProfilePurpose.Tx || request.EvseId is null or 0)
                {
                    return StartAnswer(RequestStartStopStatusEnumType.Rejected);
                }
            }

            if ((request.EvseId is { } evseId && !station.HasEvse(evseId))
                || engine.PrepareRemoteStart(request.EvseId is > 0 ? request.EvseId : null, request.IdToken.IdToken, request.RemoteStartId, txProfile, IdTokenTypes.Canonical(request.IdToken.Type.ToString(), OcppVersion.V201)) is not { } begin)
            {
                return StartAnswer(RequestStartStopStatusEnumType.Rejected);
            }

            session.AfterAnswer("RequestStartTransaction", _ =>
            {
                begin();
                return Task.CompletedTask;
            });
            return StartAnswer(RequestStartStopStatusEnumType.Accepted);
        });

        peer.On<RequestStopTransactionRequest, RequestStopTransactionResponse>(async (request, _) =>
        {
            await engine.SettleStartsAsync().ConfigureAwait(false);
            if (engine.TransactionById(request.TransactionId) is null)
            {
                return new RequestStopTransactionResponse(RequestStartStopStatusEnumType.Rejected);
            }

            session.AfterAnswer("RequestStopTransaction", _ =>
            {
                engine.RequestStop(request.TransactionId, TransactionStopReason.Remote);
                return Task.CompletedTask;
            });
            return new RequestStopTransactionResponse(RequestStartStopStatusEnumType.Accepted);
        });

        peer.On<SetChargingProfileRequest, SetChargingProfileResponse>(async (request, _) =>
        {
            await engine.SettleStartsAsync().ConfigureAwait(false);
            return V201SmartCharging.ToV201(engine.InstallProfile(request.EvseId, V201SmartCharging.FromV201(request)));
        });

        peer.On<ClearChargingProfileRequest, ClearChargingProfileResponse>((request, _) =>
            ValueTask.FromResult(V201SmartCharging.ToV201(engine.ClearProfiles(V201SmartCharging.FromV201(request)))));

        peer.On<GetCompositeScheduleRequest, GetCompositeScheduleResponse>((request, _) =>
        {
            if (request.EvseId != 0 && !station.HasEvse(request.EvseId))
            {
                return ValueTask.FromResult(new GetCompositeScheduleResponse(GenericStatusEnumType.Rejected));
            }

            var unit = request.ChargingRateUnit is { } asked ? V201SmartCharging.FromV201(asked) : SmartCharging.ChargingRateUnit.W;
            return ValueTask.FromResult(V201SmartCharging.ToV201Response(engine.CompositeSchedule(request.EvseId, request.Duration, unit)));
        });

        peer.On<GetChargingProfilesRequest, GetChargingProfilesResponse>((request, _) =>
        {
            var found = engine.Profiles.Get(V201SmartCharging.FromV201(request));
            if (found.Count > 0)
            {
                session.AfterAnswer("GetChargingProfiles", async ct =>
                {
                    foreach (var report in V201SmartCharging.ToV201Reports(request.RequestId, found))
                    {
                        await peer.CallAsync<ReportChargingProfilesRequest, ReportChargingProfilesResponse>(report, ct).ConfigureAwait(false);
                    }
                });
            }

            return ValueTask.FromResult(V201SmartCharging.ToV201GetResponse(found));
        });
    }

    private static ValueTask<RequestStartTransactionResponse> StartAnswer(RequestStartStopStatusEnumType status) =>
        ValueTask.FromResult(new RequestStartTransactionResponse(status));
}

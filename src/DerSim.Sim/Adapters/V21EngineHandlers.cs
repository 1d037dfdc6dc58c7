using DerSim.Sim.Engine;
using DerSim.Sim.Ocpp.Rpc;
using DerSim.Sim.Ocpp.V21;
using DerSim.Sim.SmartCharging;
using ProfilePurpose = DerSim.Sim.SmartCharging.ChargingProfilePurpose;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The 2.1 requests (the shapes of 2.0.1 for the first ones; keep the two in step) the station engine answers:
/// RequestStart/StopTransaction, smart charging, NotifyAllowedEnergyTransfer (bidirectional transfer) and AFRRSignal.
/// </summary>
internal static class V21EngineHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session, StationEngine engine)
    {
        var station = session.Station;

        peer.On<RequestStartTransactionRequest, RequestStartTransactionResponse>((request, _) =>
        {
            ChargingProfile? txProfile = null;
            if (request.ChargingProfile is { } profile)
            {
                txProfile = V21SmartCharging.FromV21(profile, request.EvseId ?? 0);
                if (txProfile.Purpose != ProfilePurpose.Tx || request.EvseId is null or 0)
                {
                    return StartAnswer(RequestStartStopStatusEnumType.Rejected);
                }
            }

            if ((request.EvseId is { } evseId && !station.HasEvse(evseId))
                || engine.PrepareRemoteStart(request.EvseId is > 0 ? request.EvseId : null, request.IdToken.IdToken, request.RemoteStartId, txProfile, request.IdToken.Type) is not { } begin)
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
            var result = engine.InstallProfile(request.EvseId, V21SmartCharging.FromV21(request));
            if (result.IsAccepted)
            {
                // The new period may change the operation mode in force; the report follows the answer.
                session.AfterAnswer("SetChargingProfile", engine.ReportOperationModesAsync);
            }

            return V21SmartCharging.ToV21(result);
        });

        peer.On<ClearChargingProfileRequest, ClearChargingProfileResponse>((request, _) =>
        {
            var status = engine.ClearProfiles(V21SmartCharging.FromV21(request));
            session.AfterAnswer("ClearChargingProfile", engine.ReportOperationModesAsync);
            return ValueTask.FromResult(V21SmartCharging.ToV21(status));
        });

        peer.On<NotifyAllowedEnergyTransferRequest, NotifyAllowedEnergyTransferResponse>(async (request, _) =>
        {
            await engine.SettleStartsAsync().ConfigureAwait(false);
            var result = engine.AllowEnergyTransfer(request.TransactionId, [.. request.AllowedEnergyTransfer.Select(V21EnergyTransfer.FromV21)]);
            if (result.Renegotiate is { } renegotiate)
            {
                session.AfterAnswer("NotifyAllowedEnergyTransfer", renegotiate);
            }

            return result.Accepted
                ? new NotifyAllowedEnergyTransferResponse(NotifyAllowedEnergyTransferStatusEnumType.Accepted)
                : new NotifyAllowedEnergyTransferResponse(NotifyAllowedEnergyTransferStatusEnumType.Rejected)
                {
                    StatusInfo = new StatusInfoType(result.ReasonCode!) { AdditionalInfo = result.Detail is { Length: > 1024 } d ? d[..1024] : result.Detail },
                };
        });

        // CentralFrequency's input; a signal without a port in that mode is kept for when one enters it.
        peer.On<AFRRSignalRequest, AFRRSignalResponse>((request, _) =>
        {
            engine.ReceiveAfrrSignal(request.Timestamp, request.Signal);
            return ValueTask.FromResult(new AFRRSignalResponse(GenericStatusEnumType.Accepted));
        });

        peer.On<GetCompositeScheduleRequest, GetCompositeScheduleResponse>((request, _) =>
        {
            if (request.EvseId != 0 && !station.HasEvse(request.EvseId))
            {
                return ValueTask.FromResult(new GetCompositeScheduleResponse(GenericStatusEnumType.Rejected));
            }

            var unit = request.ChargingRateUnit is { } asked ? V21SmartCharging.FromV21(asked) : SmartCharging.ChargingRateUnit.W;
            return ValueTask.FromResult(V21SmartCharging.ToV21Response(engine.CompositeSchedule(request.EvseId, request.Duration, unit)));
        });

        peer.On<GetChargingProfilesRequest, GetChargingProfilesResponse>((request, _) =>
        {
            var found = engine.Profiles.Get(V21SmartCharging.FromV21(request));
            if (found.Count > 0)
            {
                session.AfterAnswer("GetChargingProfiles", async ct =>
                {
                    foreach (var report in V21SmartCharging.ToV21Reports(request.RequestId, found))
                    {
                        await peer.CallAsync<ReportChargingProfilesRequest, ReportChargingProfilesResponse>(report, ct).ConfigureAwait(false);
                    }
                });
            }

            return ValueTask.FromResult(V21SmartCharging.ToV21GetResponse(found));
        });
    }

    private static ValueTask<RequestStartTransactionResponse> StartAnswer(RequestStartStopStatusEnumType status) =>
        ValueTask.FromResult(new RequestStartTransactionResponse(status));
}

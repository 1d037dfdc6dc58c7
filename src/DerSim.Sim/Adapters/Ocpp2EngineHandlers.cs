using DerSim.Ocpp.Dialects;
using DerSim.Sim.Engine;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using DerSim.Sim.SmartCharging;
using ProfilePurpose = DerSim.Sim.SmartCharging.ChargingProfilePurpose;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The 2.x requests the station engine answers: RequestStart/StopTransaction, smart charging, and where the dialect
/// has bidirectional transfer, NotifyAllowedEnergyTransfer and AFRRSignal.
/// </summary>
internal static class Ocpp2EngineHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session, StationEngine engine, Ocpp2Dialect dialect)
    {
        var station = session.Station;

        peer.On<RequestStartTransactionRequest, RequestStartTransactionResponse>((request, _) =>
        {
            ChargingProfile? txProfile = null;
            if (request.ChargingProfile is { } profile)
            {
                txProfile = Ocpp2SmartCharging.FromOcpp2(profile, request.EvseId ?? 0);
                if (txProfile.Purpose != ProfilePurpose.Tx || request.EvseId is null or 0)
                {
                    return StartAnswer(RequestStartStopStatusEnumType.Rejected);
                }
            }

            // Where the scenario's steps drive the EVSE, the driver's own steps (plug-in, or none) follow the request.
            if (request.EvseId is { } steppedEvse && station.HasEvse(steppedEvse)
                && engine.SteppedSessions.PrepareRemoteStart(steppedEvse, request.IdToken.IdToken, request.IdToken.Type, request.RemoteStartId, txProfile) is { } stepped)
            {
                if (stepped.Begin is { } follow)
                {
                    session.AfterAnswer("RequestStartTransaction", follow);
                }

                // F01 (cable plugin first): the answer names the transaction the request joins.
                return ValueTask.FromResult(new RequestStartTransactionResponse(stepped.Accepted ? RequestStartStopStatusEnumType.Accepted : RequestStartStopStatusEnumType.Rejected)
                {
                    TransactionId = stepped.TransactionId,
                });
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
            Ocpp2SmartChargingGate.ThrowIfDisabled(station, "SetChargingProfile");
            await engine.SettleStartsAsync().ConfigureAwait(false);
            var profile = Ocpp2SmartCharging.FromOcpp2(request);
            var result = engine.InstallProfile(request.EvseId, profile);
            if (result.IsAccepted && dialect.HasV2x)
            {
                // The new period may change the operation mode in force; the report follows the answer.
                session.AfterAnswer("SetChargingProfile", engine.Bidirectional.ReportOperationModesAsync);
                V21DynamicScheduleHandlers.AfterInstall(peer, session, engine, profile);
            }

            return Ocpp2SmartCharging.ToOcpp2(result, dialect);
        });

        peer.On<ClearChargingProfileRequest, ClearChargingProfileResponse>((request, _) =>
        {
            Ocpp2SmartChargingGate.ThrowIfDisabled(station, "ClearChargingProfile");
            var status = engine.ClearProfiles(Ocpp2SmartCharging.FromOcpp2(request));
            if (dialect.HasV2x)
            {
                session.AfterAnswer("ClearChargingProfile", engine.Bidirectional.ReportOperationModesAsync);
            }

            return ValueTask.FromResult(Ocpp2SmartCharging.ToOcpp2(status));
        });

        if (dialect.HasV2x)
        {
            RegisterV2x(peer, session, engine, dialect);
        }

        peer.On<GetCompositeScheduleRequest, GetCompositeScheduleResponse>((request, _) =>
        {
            Ocpp2SmartChargingGate.ThrowIfDisabled(station, "GetCompositeSchedule");
            if (request.EvseId != 0 && !station.HasEvse(request.EvseId))
            {
                return ValueTask.FromResult(new GetCompositeScheduleResponse(GenericStatusEnumType.Rejected));
            }

            var unit = request.ChargingRateUnit is { } asked ? Ocpp2SmartCharging.FromOcpp2(asked) : SmartCharging.ChargingRateUnit.W;
            return ValueTask.FromResult(Ocpp2SmartCharging.ToOcpp2Response(engine.CompositeSchedule(request.EvseId, request.Duration, unit), dialect));
        });

        peer.On<GetChargingProfilesRequest, GetChargingProfilesResponse>((request, _) =>
        {
            Ocpp2SmartChargingGate.ThrowIfDisabled(station, "GetChargingProfiles");
            // 2.0.1 K09: Accepted and then the reports when a profile matches (carrying the requestId, every part but the
            // last with tbc: K09.FR.01/02), NoProfiles and no report otherwise.
            var found = engine.Profiles.Get(Ocpp2SmartCharging.FromOcpp2(request));
            if (found.Count > 0)
            {
                session.AfterAnswer("GetChargingProfiles", async ct =>
                {
                    foreach (var report in Ocpp2SmartCharging.ToOcpp2Reports(request.RequestId, found))
                    {
                        try
                        {
                            await peer.CallAsync<ReportChargingProfilesRequest, ReportChargingProfilesResponse>(report, ct).ConfigureAwait(false);
                        }
                        catch (OcppCallErrorException)
                        {
                            // Each part stands on its own (one report per EVSE and source); a CSMS
                            // refusing one still gets the rest, and the CALLERROR stays in the traffic for the verdict.
                        }
                    }
                });
            }

            return ValueTask.FromResult(Ocpp2SmartCharging.ToOcpp2GetResponse(found));
        });
    }

    // Bidirectional power transfer (2.1 block Q).
    private static void RegisterV2x(OcppRpcPeer peer, StationSession session, StationEngine engine, Ocpp2Dialect dialect)
    {
        peer.On<NotifyAllowedEnergyTransferRequest, NotifyAllowedEnergyTransferResponse>(async (request, _) =>
        {
            await engine.SettleStartsAsync().ConfigureAwait(false);
            var result = engine.Bidirectional.AllowEnergyTransfer(request.TransactionId, [.. request.AllowedEnergyTransfer.Select(V21EnergyTransfer.FromV21)]);
            if (result.Renegotiate is { } renegotiate)
            {
                session.AfterAnswer("NotifyAllowedEnergyTransfer", renegotiate);
            }

            return result.Accepted
                ? new NotifyAllowedEnergyTransferResponse(NotifyAllowedEnergyTransferStatusEnumType.Accepted)
                : new NotifyAllowedEnergyTransferResponse(NotifyAllowedEnergyTransferStatusEnumType.Rejected)
                {
                    StatusInfo = new StatusInfoType(result.ReasonCode!) { AdditionalInfo = dialect.StatusInfoText(result.Detail) },
                };
        });

        // CentralFrequency's input; a signal without a port in that mode is kept for when one enters it.
        peer.On<AFRRSignalRequest, AFRRSignalResponse>((request, _) =>
        {
            engine.FrequencyInputs.ReceiveAfrrSignal(request.Timestamp, request.Signal);
            return ValueTask.FromResult(new AFRRSignalResponse(GenericStatusEnumType.Accepted));
        });
    }

    private static ValueTask<RequestStartTransactionResponse> StartAnswer(RequestStartStopStatusEnumType status) =>
        ValueTask.FromResult(new RequestStartTransactionResponse(status));
}

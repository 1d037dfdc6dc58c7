using DerSim.Sim.Engine;
using DerSim.Sim.Evse;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The station in OCPP 2.0.1 and 2.1 (one 2.x family over the 2.1 types): EVSEs with connectors, a device model of
/// components and variables; the blocks only 2.1 has (V2X, DER) where the dialect has them.
/// </summary>
public sealed class Ocpp2Adapter(Ocpp2Dialect dialect, TimeProvider time) : IVersionAdapter
{
    /// <summary>
    /// Most variables per NotifyReport; a longer base report is split into several messages.
    /// The default value is <see cref="DeviceModel.DefaultReportPageSize"/>.
    /// </summary>
    public int NotifyReportPageSize { get; init; } = DeviceModel.DefaultReportPageSize;

    /// <inheritdoc />
    public OcppVersion Version => dialect.Version;

    /// <inheritdoc />
    public async Task<BootOutcome> BootAsync(OcppRpcPeer peer, ChargingStation station, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(station);
        var identity = station.Profile.Identity;
        var request = new BootNotificationRequest(
            new ChargingStationType(identity.Model, identity.Vendor) { SerialNumber = identity.SerialNumber, FirmwareVersion = identity.FirmwareVersion },
            station.NextBootReason switch
            {
                BootReason.RemoteReset => BootReasonEnumType.RemoteReset,
                BootReason.Triggered => BootReasonEnumType.Triggered,
                _ => BootReasonEnumType.PowerUp,
            });
        var response = await peer.CallAsync<BootNotificationRequest, BootNotificationResponse>(request, ct).ConfigureAwait(false);
        var state = response.Status switch
        {
            RegistrationStatusEnumType.Accepted => RegistrationState.Accepted,
            RegistrationStatusEnumType.Pending => RegistrationState.Pending,
            _ => RegistrationState.Rejected,
        };
        return new BootOutcome(state, TimeSpan.FromSeconds(Math.Max(0, response.Interval)), response.CurrentTime);
    }

    /// <inheritdoc />
    public Task SendStatusAsync(OcppRpcPeer peer, ChargingStation station, StationConnector connector, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(connector);
        var status = connector.Status switch
        {
            ConnectorStatus.Available => ConnectorStatusEnumType.Available,
            ConnectorStatus.Occupied => ConnectorStatusEnumType.Occupied,
            ConnectorStatus.Reserved => ConnectorStatusEnumType.Reserved,
            ConnectorStatus.Unavailable => ConnectorStatusEnumType.Unavailable,
            _ => ConnectorStatusEnumType.Faulted,
        };
        var request = new StatusNotificationRequest(time.GetUtcNow(), status, connector.EvseId, connector.ConnectorId);
        return peer.CallAsync<StatusNotificationRequest, StatusNotificationResponse>(request, ct);
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset> HeartbeatAsync(OcppRpcPeer peer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var response = await peer.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), ct).ConfigureAwait(false);
        return response.CurrentTime;
    }

    /// <inheritdoc />
    public void RegisterHandlers(OcppRpcPeer peer, StationSession session)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(session);
        var station = session.Station;

        peer.On<ChangeAvailabilityRequest, ChangeAvailabilityResponse>((request, _) =>
        {
            // No evse means the whole station (2.0.1 G03.FR.01); evse without connectorId means all its connectors.
            if (request.Evse is { } evse && !station.ConnectorsOf(evse.Id, evse.ConnectorId).Any())
            {
                return ValueTask.FromResult(new ChangeAvailabilityResponse(ChangeAvailabilityStatusEnumType.Rejected));
            }

            // G03/G04: an EVSE or connector with a transaction changes when it ends; the answer says Scheduled.
            var change = station.ChangeAvailability(station.ConnectorsOf(request.Evse?.Id, request.Evse?.ConnectorId), request.OperationalStatus == OperationalStatusEnumType.Operative);
            session.ReportStatusAfterAnswer("ChangeAvailability", change.Changed);
            return ValueTask.FromResult(new ChangeAvailabilityResponse(change.Scheduled ? ChangeAvailabilityStatusEnumType.Scheduled : ChangeAvailabilityStatusEnumType.Accepted));
        });

        Ocpp2DeviceModelHandlers.Register(peer, session, new DeviceModel(station, DeviceModelPower.Of(session.Engine)), NotifyReportPageSize);

        peer.On<ClearCacheRequest, ClearCacheResponse>((_, _) =>
            ValueTask.FromResult(new ClearCacheResponse(ClearCacheStatusEnumType.Accepted)));

        // DerSim has no vendor extensions: the answer the spec gives for a vendor it does not know.
        peer.On<DataTransferRequest, DataTransferResponse>((_, _) =>
            ValueTask.FromResult(new DataTransferResponse(DataTransferStatusEnumType.UnknownVendorId)));

        if (session.Engine is { } engine)
        {
            Ocpp2EngineHandlers.Register(peer, session, engine, dialect);
            if (dialect.HasDer)
            {
                V21DerHandlers.Register(peer, session, engine);
            }
        }

        peer.On<ResetRequest, ResetResponse>((request, _) =>
        {
            if (request.EvseId is > 0)
            {
                return ValueTask.FromResult(new ResetResponse(ResetStatusEnumType.Rejected));
            }

            // B12.FR.01: OnIdle waits for running transactions (Scheduled); B12.FR.02: Immediate ends them (ImmediateReset) first.
            if (request.Type == ResetEnumType.OnIdle)
            {
                return ValueTask.FromResult(new ResetResponse(StationReset.OnIdle(session) ? ResetStatusEnumType.Scheduled : ResetStatusEnumType.Accepted));
            }

            StationReset.Now(session, TransactionStopReason.HardReset);
            return ValueTask.FromResult(new ResetResponse(ResetStatusEnumType.Accepted));
        });

        peer.On<UnlockConnectorRequest, UnlockConnectorResponse>((request, _) =>
            ValueTask.FromResult(new UnlockConnectorResponse(
                station.ConnectorsOf(request.EvseId, request.ConnectorId).Any() && request.EvseId > 0 ? UnlockStatusEnumType.Unlocked : UnlockStatusEnumType.UnknownConnector)));

        peer.On<TriggerMessageRequest, TriggerMessageResponse>((request, _) =>
        {
            if (request.Evse is { } evse && !station.ConnectorsOf(evse.Id, evse.ConnectorId).Any())
            {
                return ValueTask.FromResult(new TriggerMessageResponse(TriggerMessageStatusEnumType.Rejected));
            }

            switch (request.RequestedMessage)
            {
                case MessageTriggerEnumType.BootNotification:
                    station.NextBootReason = BootReason.Triggered;
                    session.AfterAnswer("TriggerMessage", ct => BootAsync(peer, station, ct));
                    break;
                case MessageTriggerEnumType.Heartbeat:
                    session.AfterAnswer("TriggerMessage", ct => HeartbeatAsync(peer, ct));
                    break;
                case MessageTriggerEnumType.StatusNotification:
                    session.ReportStatusAfterAnswer("TriggerMessage", station.ConnectorsOf(request.Evse?.Id, request.Evse?.ConnectorId));
                    break;
                case MessageTriggerEnumType.TransactionEvent when session.Engine is { Transactions.Count: > 0 } withEngine:
                    session.AfterAnswer("TriggerMessage", ct => withEngine.TriggerSamplesAsync(request.Evse?.Id, ct));
                    break;
                case MessageTriggerEnumType.MeterValues when session.Engine is { } withEngine:
                    session.AfterAnswer("TriggerMessage", ct => withEngine.TriggerMeterValuesAsync(request.Evse?.Id, ct));
                    break;
                default:
                    return ValueTask.FromResult(new TriggerMessageResponse(TriggerMessageStatusEnumType.NotImplemented));
            }

            return ValueTask.FromResult(new TriggerMessageResponse(TriggerMessageStatusEnumType.Accepted));
        });
    }
}

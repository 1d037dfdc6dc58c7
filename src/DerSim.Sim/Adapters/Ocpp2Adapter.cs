using DerSim.Ocpp.Dialects;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
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
    public ITransactionMessages TransactionMessages(TransactionOutbox outbox, ChargingStation station) =>
        new Ocpp2TransactionMessages(outbox, this, station, time);

    /// <inheritdoc />
    public async Task<BootOutcome> BootAsync(OcppRpcPeer peer, ChargingStation station, Action<BootOutcome>? onAnswer, CancellationToken ct)
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
                BootReason.ScheduledReset => BootReasonEnumType.ScheduledReset,
                BootReason.FirmwareUpdate => BootReasonEnumType.FirmwareUpdate,
                _ => BootReasonEnumType.PowerUp,
            });
        var response = await peer.CallAsync<BootNotificationRequest, BootNotificationResponse>(request, r => onAnswer?.Invoke(Outcome(r)), ct).ConfigureAwait(false);
        return Outcome(response);

        static BootOutcome Outcome(BootNotificationResponse response)
        {
            var state = response.Status switch
            {
                RegistrationStatusEnumType.Accepted => RegistrationState.Accepted,
                RegistrationStatusEnumType.Pending => RegistrationState.Pending,
                _ => RegistrationState.Rejected,
            };
            return new BootOutcome(state, TimeSpan.FromSeconds(Math.Max(0, response.Interval)), response.CurrentTime);
        }
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
        var request = new StatusNotificationRequest(time.GetUtcNow(), status, connector.EvseId, connector.ConnectorId) { CustomData = Ocpp2CustomData.Of(station?.CustomData) };
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
            var targets = station.ConnectorsOf(request.Evse?.Id, request.Evse?.ConnectorId).ToList();
            return ValueTask.FromResult(new ChangeAvailabilityResponse(
                StationDecisions.ChangeAvailability(session, targets, request.OperationalStatus == OperationalStatusEnumType.Operative) switch
                {
                    AvailabilityOutcome.Accepted => ChangeAvailabilityStatusEnumType.Accepted,
                    AvailabilityOutcome.Scheduled => ChangeAvailabilityStatusEnumType.Scheduled,
                    _ => ChangeAvailabilityStatusEnumType.Rejected,
                }));
        });

        // The NetworkConfiguration component is 2.1's (B09: a network configuration added with SetVariables).
        var model = new DeviceModel(station, DeviceModelPower.Of(session.Engine), networkConfiguration: dialect.Version == OcppVersion.V21);
        Ocpp2DeviceModelHandlers.Register(peer, session, model, NotifyReportPageSize);
        Ocpp2CertificateHandlers.Register(peer, session);
        Ocpp2DiagnosticsHandlers.Register(peer, session);
        Ocpp2SecurityHandlers.Register(peer, session);

        // 2.0.1 C11: the authorization cache is emptied (C11.FR.01); with AuthCacheCtrlr.Enabled false there is no
        // cache in use to clear, and the answer is Rejected (C11.FR.04).
        peer.On<ClearCacheRequest, ClearCacheResponse>((_, _) =>
        {
            if (!station.AuthorizationCache.Enabled)
            {
                return ValueTask.FromResult(new ClearCacheResponse(ClearCacheStatusEnumType.Rejected));
            }

            station.AuthorizationCache.Clear();
            return ValueTask.FromResult(new ClearCacheResponse(ClearCacheStatusEnumType.Accepted));
        });

        // DerSim has no vendor extensions: the answer the spec gives for a vendor it does not know.
        peer.On<DataTransferRequest, DataTransferResponse>((_, _) =>
            ValueTask.FromResult(new DataTransferResponse(DataTransferStatusEnumType.UnknownVendorId)));

        if (session.Engine is { } engine)
        {
            Ocpp2EngineHandlers.Register(peer, session, engine, dialect);
            Ocpp2FirmwareHandlers.Register(peer, session, engine);
            if (dialect.HasDer)
            {
                V21DerHandlers.Register(peer, session, engine);
            }

            if (dialect.HasV2x)
            {
                V21DynamicScheduleHandlers.Register(peer, session, engine);
            }

            // 2.1 I-block: the default tariff the station prices its transactions with (local cost calculation).
            if (dialect.Has("SetDefaultTariff"))
            {
                V21Tariffs.Register(peer, station, engine.Log);
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

            // 2.1 ImmediateAndResume: reboot now, resume the transactions after the boot (E17).
            if (request.Type == ResetEnumType.ImmediateAndResume)
            {
                StationReset.NowAndResume(session);
                return ValueTask.FromResult(new ResetResponse(ResetStatusEnumType.Accepted));
            }

            StationReset.Now(session, TransactionStopReason.HardReset);
            return ValueTask.FromResult(new ResetResponse(ResetStatusEnumType.Accepted));
        });

        // F05: evseId 0 names no connector.
        peer.On<UnlockConnectorRequest, UnlockConnectorResponse>((request, _) =>
            ValueTask.FromResult(new UnlockConnectorResponse(
                request.EvseId > 0 && StationDecisions.Unlock(station.ConnectorsOf(request.EvseId, request.ConnectorId).ToList()) ? UnlockStatusEnumType.Unlocked : UnlockStatusEnumType.UnknownConnector)));

        peer.On<TriggerMessageRequest, TriggerMessageResponse>((request, _) =>
        {
            if (request.RequestedMessage == MessageTriggerEnumType.SignChargingStationCertificate)
            {
                return ValueTask.FromResult(new TriggerMessageResponse(Ocpp2SecurityHandlers.TriggerSign(session)));
            }

            if (request.RequestedMessage == MessageTriggerEnumType.SignV2GCertificate)
            {
                return ValueTask.FromResult(new TriggerMessageResponse(Ocpp2Iso15118Handlers.TriggerSignV2G(session)));
            }

            // No evse: the whole station; an EVSE or connector the station does not have is Rejected (F06).
            var targets = station.ConnectorsOf(request.Evse?.Id, request.Evse?.ConnectorId).ToList();
            var message = request.RequestedMessage switch
            {
                MessageTriggerEnumType.BootNotification => TriggeredMessage.BootNotification,
                MessageTriggerEnumType.Heartbeat => TriggeredMessage.Heartbeat,
                MessageTriggerEnumType.StatusNotification => TriggeredMessage.StatusNotification,
                MessageTriggerEnumType.TransactionEvent => TriggeredMessage.TransactionSamples,
                MessageTriggerEnumType.MeterValues => TriggeredMessage.MeterValues,
                _ => TriggeredMessage.Other,
            };
            var outcome = StationDecisions.Trigger(session, message, request.Evse is not null && targets.Count == 0 ? null : targets, request.Evse?.Id,
                (connector, ct) => SendStatusAsync(peer, station, connector, ct));
            return ValueTask.FromResult(new TriggerMessageResponse(outcome switch
            {
                TriggerOutcome.Accepted => TriggerMessageStatusEnumType.Accepted,
                TriggerOutcome.Rejected => TriggerMessageStatusEnumType.Rejected,
                // F06.FR.08: a message the station does not implement (not a local controller: PublishFirmwareStatusNotification, …).
                _ => TriggerMessageStatusEnumType.NotImplemented,
            }));
        });
    }
}

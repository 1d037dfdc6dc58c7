using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V16;

namespace DerSim.Sim.Adapters;

/// <summary>The station in OCPP 1.6J: connectors numbered across the charge point, configuration keys.</summary>
public sealed class V16Adapter(TimeProvider time) : IVersionAdapter
{
    /// <inheritdoc />
    public OcppVersion Version => OcppVersion.V16;

    /// <inheritdoc />
    public ITransactionMessages TransactionMessages(TransactionOutbox outbox, ChargingStation station) =>
        new V16TransactionMessages(outbox, this, station, time);

    /// <inheritdoc />
    public async Task<BootOutcome> BootAsync(OcppRpcPeer peer, ChargingStation station, Action<BootOutcome>? onAnswer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(station);
        var identity = station.Profile.Identity;
        var request = new BootNotificationRequest(identity.Vendor, identity.Model)
        {
            ChargePointSerialNumber = identity.SerialNumber,
            FirmwareVersion = identity.FirmwareVersion,
        };
        var response = await peer.CallAsync<BootNotificationRequest, BootNotificationResponse>(request, r => onAnswer?.Invoke(Outcome(r)), ct).ConfigureAwait(false);
        return Outcome(response);

        static BootOutcome Outcome(BootNotificationResponse response)
        {
            var state = response.Status switch
            {
                BootNotificationStatus.Accepted => RegistrationState.Accepted,
                BootNotificationStatus.Pending => RegistrationState.Pending,
                _ => RegistrationState.Rejected,
            };
            return new BootOutcome(state, TimeSpan.FromSeconds(Math.Max(0, response.Interval)), response.CurrentTime);
        }
    }

    /// <inheritdoc />
    public Task SendStatusAsync(OcppRpcPeer peer, ChargingStation station, StationConnector connector, CancellationToken ct) =>
        SendStatusAsync(peer, station, connector, null, ct);

    /// <summary>
    /// The connector's status; during a transaction its charging state (1.6 reports Charging, SuspendedEV and
    /// SuspendedEVSE as connector statuses), so a triggered StatusNotification mid-charge says what the connector does.
    /// </summary>
    internal Task SendStatusAsync(OcppRpcPeer peer, ChargingStation station, StationConnector connector, Physics.ChargingState? charging, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(connector);
        var status = charging switch
        {
            Physics.ChargingState.Charging => StatusNotificationStatus.Charging,
            Physics.ChargingState.SuspendedEV => StatusNotificationStatus.SuspendedEV,
            Physics.ChargingState.SuspendedEVSE => StatusNotificationStatus.SuspendedEVSE,
            _ => StatusOf(connector),
        };
        var error = connector.Status == ConnectorStatus.Faulted ? ErrorCode.OtherError : ErrorCode.NoError;
        var request = new StatusNotificationRequest(connector.StationConnectorId, error, status) { Timestamp = time.GetUtcNow() };
        return peer.CallAsync<StatusNotificationRequest, StatusNotificationResponse>(request, ct);
    }

    private static StatusNotificationStatus StatusOf(StationConnector connector) =>
        connector.Status switch
        {
            ConnectorStatus.Available => StatusNotificationStatus.Available,
            ConnectorStatus.Occupied => StatusNotificationStatus.Preparing,
            ConnectorStatus.Reserved => StatusNotificationStatus.Reserved,
            ConnectorStatus.Unavailable => StatusNotificationStatus.Unavailable,
            _ => StatusNotificationStatus.Faulted,
        };

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
            // Connector 0 means the whole charge point (1.6 §5.2).
            var targets = request.ConnectorId == 0 ? station.Connectors : Connector(station, request.ConnectorId);
            return ValueTask.FromResult(new ChangeAvailabilityResponse(
                StationDecisions.ChangeAvailability(session, targets, request.Type == ChangeAvailabilityType.Operative) switch
                {
                    AvailabilityOutcome.Accepted => ChangeAvailabilityStatus.Accepted,
                    AvailabilityOutcome.Scheduled => ChangeAvailabilityStatus.Scheduled,
                    _ => ChangeAvailabilityStatus.Rejected,
                }));
        });

        peer.On<GetConfigurationRequest, GetConfigurationResponse>((request, _) =>
        {
            var known = new List<ConfigurationKey>();
            var unknown = new List<string>();
            var keys = request.Key is { Count: > 0 } asked ? asked : station.Configuration.All.Where(s => s.InV16).Select(s => s.Key).ToList();
            foreach (var key in keys)
            {
                // A 2.x-only variable (AlignedDataSendDuringIdle, …) is no 1.6 key.
                if (station.Configuration.Get(key) is { InV16: true } setting)
                {
                    known.Add(new ConfigurationKey(setting.Key, setting.ReadOnly) { Value = setting.WriteOnly ? null : setting.Value });
                }
                else
                {
                    unknown.Add(key);
                }
            }

            return ValueTask.FromResult(new GetConfigurationResponse
            {
                ConfigurationKey = known.Count > 0 ? known : null,
                UnknownKey = unknown.Count > 0 ? unknown : null,
            });
        });

        peer.On<ChangeConfigurationRequest, ChangeConfigurationResponse>((request, _) =>
        {
            var status = station.Configuration.Get(request.Key) is not { InV16: true } setting
                ? ChangeConfigurationStatus.NotSupported
                : station.Configuration.TrySet(setting, request.Value) == SetOutcome.Accepted
                    ? ChangeConfigurationStatus.Accepted
                    : ChangeConfigurationStatus.Rejected;
            return ValueTask.FromResult(new ChangeConfigurationResponse(status));
        });

        // DerSim has no vendor extensions: the answer the spec gives for a vendor it does not know.
        peer.On<DataTransferRequest, DataTransferResponse>((_, _) =>
            ValueTask.FromResult(new DataTransferResponse(DataTransferStatus.UnknownVendorId)));

        if (session.Engine is { } engine)
        {
            V16EngineHandlers.Register(peer, session, engine);
            V16FirmwareHandlers.Register(peer, session, engine);
        }

        V16LocalListHandlers.Register(peer, session);
        V16ReservationHandlers.Register(peer, session);

        peer.On<ResetRequest, ResetResponse>((request, _) =>
        {
            // 1.6 §5.14: running transactions end (reason SoftReset or HardReset) before the reboot; 1.6 has no Scheduled.
            StationReset.Now(session, request.Type == ResetType.Hard ? TransactionStopReason.HardReset : TransactionStopReason.SoftReset);
            return ValueTask.FromResult(new ResetResponse(ResetStatus.Accepted));
        });

        peer.On<TriggerMessageRequest, TriggerMessageResponse>((request, _) =>
        {
            // connectorId absent or 0: the charge point (every connector); an unknown one is Rejected (1.6 §5.17).
            var targets = request.ConnectorId is > 0 and var id ? Connector(station, id) is { Count: > 0 } one ? one : null : station.Connectors;
            if (targets is not null && V16RemoteHandlers.TriggerStatus(session, request.RequestedMessage))
            {
                return ValueTask.FromResult(new TriggerMessageResponse(TriggerMessageStatus.Accepted));
            }

            var message = request.RequestedMessage switch
            {
                RequestedMessage.BootNotification => TriggeredMessage.BootNotification,
                RequestedMessage.Heartbeat => TriggeredMessage.Heartbeat,
                RequestedMessage.StatusNotification => TriggeredMessage.StatusNotification,
                // With no transaction on the connector, the meter values outside a transaction (1.6 §5.17: the station
                // sends the requested message whatever its state).
                RequestedMessage.MeterValues when session.Engine is { } engine && !Transacting(engine, targets) => TriggeredMessage.MeterValues,
                RequestedMessage.MeterValues => TriggeredMessage.TransactionSamples,
                _ => TriggeredMessage.Other,
            };
            var outcome = StationDecisions.Trigger(session, message, targets, request.ConnectorId is > 0 ? targets?[0].EvseId : null,
                (connector, ct) => SendStatusAsync(peer, station, connector, session.Engine?.ChargingStateOn(connector.EvseId), ct));
            return ValueTask.FromResult(new TriggerMessageResponse(outcome switch
            {
                TriggerOutcome.Accepted => TriggerMessageStatus.Accepted,
                TriggerOutcome.Rejected => TriggerMessageStatus.Rejected,
                _ => TriggerMessageStatus.NotImplemented,
            }));
        });

        V16RemoteHandlers.Register(peer, session);
        V16SecurityHandlers.Register(peer, session);
    }

    // Whether a transaction runs on one of the targets (null: an unknown connector).
    private static bool Transacting(Engine.StationEngine engine, IReadOnlyList<StationConnector>? targets) =>
        targets is not null && targets.Any(c => engine.TransactionOn(c.EvseId) is not null);

    // The connector a 1.6 connectorId names, or none.
    private static IReadOnlyList<StationConnector> Connector(ChargingStation station, int connectorId) =>
        station.ByStationConnectorId(connectorId) is { } one ? [one] : [];
}

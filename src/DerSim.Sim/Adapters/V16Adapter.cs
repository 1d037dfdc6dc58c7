using DerSim.Sim.Engine;
using DerSim.Sim.Evse;
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
    public async Task<BootOutcome> BootAsync(OcppRpcPeer peer, ChargingStation station, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(station);
        var identity = station.Profile.Identity;
        var request = new BootNotificationRequest(identity.Vendor, identity.Model)
        {
            ChargePointSerialNumber = identity.SerialNumber,
            FirmwareVersion = identity.FirmwareVersion,
        };
        var response = await peer.CallAsync<BootNotificationRequest, BootNotificationResponse>(request, ct).ConfigureAwait(false);
        var state = response.Status switch
        {
            BootNotificationStatus.Accepted => RegistrationState.Accepted,
            BootNotificationStatus.Pending => RegistrationState.Pending,
            _ => RegistrationState.Rejected,
        };
        return new BootOutcome(state, TimeSpan.FromSeconds(Math.Max(0, response.Interval)), response.CurrentTime);
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
            var targets = request.ConnectorId == 0
                ? station.Connectors
                : station.ByStationConnectorId(request.ConnectorId) is { } one ? [one] : [];
            if (targets.Count == 0)
            {
                return ValueTask.FromResult(new ChangeAvailabilityResponse(ChangeAvailabilityStatus.Rejected));
            }

            // 1.6 §5.2: a connector with a transaction changes when it ends; the answer says Scheduled.
            var change = station.ChangeAvailability(targets, request.Type == ChangeAvailabilityType.Operative);
            session.ReportStatusAfterAnswer("ChangeAvailability", change.Changed);
            return ValueTask.FromResult(new ChangeAvailabilityResponse(change.Scheduled ? ChangeAvailabilityStatus.Scheduled : ChangeAvailabilityStatus.Accepted));
        });

        peer.On<GetConfigurationRequest, GetConfigurationResponse>((request, _) =>
        {
            var known = new List<ConfigurationKey>();
            var unknown = new List<string>();
            var keys = request.Key is { Count: > 0 } asked ? asked : station.Configuration.All.Select(s => s.Key).ToList();
            foreach (var key in keys)
            {
                if (station.Configuration.Get(key) is { } setting)
                {
                    known.Add(new ConfigurationKey(setting.Key, setting.ReadOnly) { Value = setting.Value });
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
            var status = station.Configuration.Get(request.Key) is not { } setting
                ? ChangeConfigurationStatus.NotSupported
                : station.Configuration.TrySet(setting, request.Value) == SetOutcome.Accepted
                    ? ChangeConfigurationStatus.Accepted
                    : ChangeConfigurationStatus.Rejected;
            return ValueTask.FromResult(new ChangeConfigurationResponse(status));
        });

        peer.On<ClearCacheRequest, ClearCacheResponse>((_, _) =>
            ValueTask.FromResult(new ClearCacheResponse(ClearCacheStatus.Accepted)));

        // DerSim has no vendor extensions: the answer the spec gives for a vendor it does not know.
        peer.On<DataTransferRequest, DataTransferResponse>((_, _) =>
            ValueTask.FromResult(new DataTransferResponse(DataTransferStatus.UnknownVendorId)));

        if (session.Engine is { } engine)
        {
            V16EngineHandlers.Register(peer, session, engine);
        }

        peer.On<ResetRequest, ResetResponse>((request, _) =>
        {
            // 1.6 §5.14: running transactions end (reason SoftReset or HardReset) before the reboot; 1.6 has no Scheduled.
            StationReset.Now(session, request.Type == ResetType.Hard ? TransactionStopReason.HardReset : TransactionStopReason.SoftReset);
            return ValueTask.FromResult(new ResetResponse(ResetStatus.Accepted));
        });

        peer.On<UnlockConnectorRequest, UnlockConnectorResponse>((request, _) =>
            ValueTask.FromResult(new UnlockConnectorResponse(
                station.ByStationConnectorId(request.ConnectorId) is null ? UnlockConnectorStatus.NotSupported : UnlockConnectorStatus.Unlocked)));

        peer.On<TriggerMessageRequest, TriggerMessageResponse>((request, _) =>
        {
            if (request.ConnectorId is > 0 && station.ByStationConnectorId(request.ConnectorId.Value) is null)
            {
                return ValueTask.FromResult(new TriggerMessageResponse(TriggerMessageStatus.Rejected));
            }

            switch (request.RequestedMessage)
            {
                case RequestedMessage.BootNotification:
                    session.AfterAnswer("TriggerMessage", ct => BootAsync(peer, station, ct));
                    break;
                case RequestedMessage.Heartbeat:
                    session.AfterAnswer("TriggerMessage", ct => HeartbeatAsync(peer, ct));
                    break;
                case RequestedMessage.StatusNotification:
                    var targets = request.ConnectorId is > 0 ? [station.ByStationConnectorId(request.ConnectorId.Value)!] : station.Connectors;
                    session.AfterAnswer("TriggerMessage", async ct =>
                    {
                        foreach (var connector in targets)
                        {
                            await SendStatusAsync(peer, station, connector, session.Engine?.ChargingStateOn(connector.EvseId), ct).ConfigureAwait(false);
                        }
                    });
                    break;
                case RequestedMessage.MeterValues when session.Engine is { Transactions.Count: > 0 } withEngine:
                    var evseId = request.ConnectorId is > 0 ? station.ByStationConnectorId(request.ConnectorId.Value)!.EvseId : (int?)null;
                    session.AfterAnswer("TriggerMessage", ct => withEngine.TriggerSamplesAsync(evseId, ct));
                    break;
                default:
                    return ValueTask.FromResult(new TriggerMessageResponse(TriggerMessageStatus.NotImplemented));
            }

            return ValueTask.FromResult(new TriggerMessageResponse(TriggerMessageStatus.Accepted));
        });
    }
}

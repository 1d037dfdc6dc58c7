using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;
using Ocpp2 = DerSim.Ocpp.V21;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Sim.Adapters;

/// <summary>
/// Messages a station sends of its own accord outside sessions: a vendor's DataTransfer, and the report of a connector
/// whose plug retention lock failed. Sent on the connection in use; offline they fail (nothing is queued).
/// </summary>
public static class StationReports
{
    /// <summary>
    /// Sends DataTransfer with <paramref name="vendorId"/> and <paramref name="messageId"/> (and the station's
    /// customData on 2.x) and returns the status the CSMS answered, or null when it answered without one.
    /// </summary>
    /// <exception cref="Ocpp.Rpc.OcppConnectionClosedException">The station is offline.</exception>
    public static async Task<string?> DataTransferAsync(StationEngine engine, string vendorId, string? messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(vendorId);
        var table = OcppActionTables.For(engine.Version);
        var payload = engine.Version == OcppVersion.V16
            ? OcppJson.SerializeToElement(new V16.DataTransferRequest(vendorId) { MessageId = messageId }, typeof(V16.DataTransferRequest), table)
            : OcppJson.SerializeToElement(
                new Ocpp2.DataTransferRequest(vendorId) { MessageId = messageId, CustomData = Ocpp2CustomData.Of(engine.Station.CustomData) },
                typeof(Ocpp2.DataTransferRequest),
                table);
        var answer = await engine.Outbox.CallAsync("DataTransfer", payload, OutboxDelivery.Request, ct).ConfigureAwait(false);
        return answer is { ValueKind: JsonValueKind.Object } a && a.TryGetProperty("status", out var status) ? status.GetString() : null;
    }

    /// <summary>
    /// The plug retention lock of <paramref name="connector"/> failed to lock: the station tells the CSMS with a
    /// NotifyEvent of component ConnectorPlugRetentionLock (on that EVSE and connector), variable Problem, actual value
    /// "true", trigger Delta (OCPP 2.0.1 G05.FR.02; the CSMS answers it, G05.FR.03). In 1.6 the connector is Faulted
    /// and the station says why: StatusNotification status Faulted, errorCode ConnectorLockFailure (1.6 §7.6, §7.7).
    /// </summary>
    /// <exception cref="Ocpp.Rpc.OcppConnectionClosedException">The station is offline.</exception>
    public static async Task ReportLockFailureAsync(StationEngine engine, StationConnector connector, int eventId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(connector);
        if (engine.Version == OcppVersion.V16)
        {
            connector.Status = ConnectorStatus.Faulted;
            var status = new V16.StatusNotificationRequest(connector.StationConnectorId, V16.ErrorCode.ConnectorLockFailure, V16.StatusNotificationStatus.Faulted)
            {
                Timestamp = engine.Clock.Time.GetUtcNow(),
            };
            var json = OcppJson.SerializeToElement(status, typeof(V16.StatusNotificationRequest), OcppActionTables.For(engine.Version));
            await engine.Outbox.CallAsync("StatusNotification", json, OutboxDelivery.Request, ct).ConfigureAwait(false);
            return;
        }

        var now = engine.Clock.Time.GetUtcNow();
        var problem = new Ocpp2.EventDataType(
            eventId,
            now,
            Ocpp2.EventTriggerEnumType.Delta,
            "true",
            new Ocpp2.ComponentType("ConnectorPlugRetentionLock") { Evse = new Ocpp2.EVSEType(connector.EvseId) { ConnectorId = connector.ConnectorId } },
            Ocpp2.EventNotificationEnumType.HardWiredNotification,
            new Ocpp2.VariableType("Problem"));
        var request = new Ocpp2.NotifyEventRequest(now, 0, [problem]);
        var payload = OcppJson.SerializeToElement(request, typeof(Ocpp2.NotifyEventRequest), OcppActionTables.For(engine.Version));
        await engine.Outbox.CallAsync("NotifyEvent", payload, OutboxDelivery.Request, ct).ConfigureAwait(false);
    }
}

using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;
using Ocpp2 = DerSim.Ocpp.V21;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Sim.Adapters;

/// <summary>
/// What the station's owner does on site, outside any CSMS request: taking connectors out of service (a memory state
/// the OCA availability cases start from: "Unavailable"). The station tells the CSMS with a StatusNotification of each
/// connector whose status changed, on the connection in use.
/// </summary>
public static class StationMaintenance
{
    /// <summary>
    /// Takes <paramref name="targets"/> out of service (an Available connector turns Unavailable; one in use keeps its
    /// session) and reports each connector that changed: 2.x StatusNotification Unavailable, 1.6 Unavailable with error
    /// code NoError.
    /// </summary>
    /// <returns>The connectors whose status changed.</returns>
    /// <exception cref="Ocpp.Rpc.OcppConnectionClosedException">The station is offline.</exception>
    public static async Task<IReadOnlyList<StationConnector>> TakeOutOfServiceAsync(StationEngine engine, IReadOnlyList<StationConnector> targets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(targets);
        var changed = engine.Station.SetOperative(targets, operative: false);
        var table = OcppActionTables.For(engine.Version);
        foreach (var connector in changed)
        {
            var payload = engine.Version == OcppVersion.V16
                ? OcppJson.SerializeToElement(
                    new V16.StatusNotificationRequest(connector.StationConnectorId, V16.ErrorCode.NoError, V16.StatusNotificationStatus.Unavailable) { Timestamp = engine.Clock.Time.GetUtcNow() },
                    typeof(V16.StatusNotificationRequest),
                    table)
                : OcppJson.SerializeToElement(
                    new Ocpp2.StatusNotificationRequest(engine.Clock.Time.GetUtcNow(), Ocpp2.ConnectorStatusEnumType.Unavailable, connector.EvseId, connector.ConnectorId)
                    {
                        CustomData = Ocpp2CustomData.Of(engine.Station.CustomData),
                    },
                    typeof(Ocpp2.StatusNotificationRequest),
                    table);
            await engine.Outbox.CallAsync("StatusNotification", payload, OutboxDelivery.Request, ct).ConfigureAwait(false);
        }

        return changed;
    }
}

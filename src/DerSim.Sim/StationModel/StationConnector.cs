using DerSim.Sim.Profiles;

namespace DerSim.Sim.StationModel;

/// <summary>One connector of the running station and its live state.</summary>
/// <param name="EvseId">The EVSE it belongs to (2.x evseId, 1-based).</param>
/// <param name="ConnectorId">Its id within the EVSE (2.x connectorId, 1-based).</param>
/// <param name="StationConnectorId">Its number across the whole station: OCPP 1.6 numbers connectors 1..n per charge point.</param>
/// <param name="Definition">What the profile says about it.</param>
public sealed record StationConnector(int EvseId, int ConnectorId, int StationConnectorId, ConnectorDefinition Definition)
{
    /// <summary>The current state.</summary>
    public ConnectorStatus Status { get; set; } = ConnectorStatus.Available;

    /// <summary>True while a change to Inoperative waits for the session on this connector to end (answered Scheduled).</summary>
    public bool InoperativeScheduled { get; set; }

    /// <summary>
    /// True when the connector's cable is fixed to the station (no socket, so no cable retention lock to release): an
    /// UnlockConnector of it is NotSupported (OCPP 1.6 §5.18). Set by the scenario's hardware; the default is a socket.
    /// </summary>
    public bool FixedCable { get; set; }

    /// <summary>True when the connector's cable lock does not open when asked (1.6 UnlockConnector UnlockFailed).</summary>
    public bool LockStuck { get; set; }
}

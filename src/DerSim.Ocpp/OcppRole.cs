namespace DerSim.Ocpp;

/// <summary>Which end of an OCPP-J connection a peer plays.</summary>
public enum OcppRole
{
    /// <summary>The charging station (WebSocket client).</summary>
    ChargingStation,

    /// <summary>The CSMS (WebSocket server).</summary>
    Csms,
}

namespace DerSim.Sim.StationModel;

/// <summary>A connector's state, version-neutral; adapters map it to 1.6 ChargePointStatus or 2.x ConnectorStatusEnumType.</summary>
public enum ConnectorStatus
{
    /// <summary>Free for a new EV.</summary>
    Available,

    /// <summary>An EV is plugged in (2.x Occupied; 1.6 Preparing/Charging/… depending on the session).</summary>
    Occupied,

    /// <summary>Reserved for a token.</summary>
    Reserved,

    /// <summary>Taken out of service (ChangeAvailability Inoperative).</summary>
    Unavailable,

    /// <summary>A fault stops it.</summary>
    Faulted,
}

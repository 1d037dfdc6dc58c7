namespace DerSim.Sim.StationModel;

/// <summary>The station's answer to a reservation (1.6 ReserveNow.conf status).</summary>
public enum ReservationOutcome
{
    /// <summary>Reserved.</summary>
    Accepted,

    /// <summary>The connector (every connector, for the station) is faulted.</summary>
    Faulted,

    /// <summary>The connector is in use or reserved for someone else.</summary>
    Occupied,

    /// <summary>The connector is out of service.</summary>
    Unavailable,

    /// <summary>The station takes no reservations (ReservationCtrlr.Enabled false), none for the whole station (ReserveConnectorZeroSupported false), or no such connector.</summary>
    Rejected,
}

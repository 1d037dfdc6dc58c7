namespace DerSim.Sim.StationModel;

/// <summary>Where the station stands with its CSMS after BootNotification.</summary>
public enum RegistrationState
{
    /// <summary>No BootNotification answered yet.</summary>
    NotBooted,

    /// <summary>The CSMS accepted the station.</summary>
    Accepted,

    /// <summary>The CSMS wants the station to wait (it may configure it meanwhile) and boot again.</summary>
    Pending,

    /// <summary>The CSMS refused the station; it boots again after the interval.</summary>
    Rejected,
}

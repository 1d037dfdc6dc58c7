namespace DerSim.Csms;

/// <summary>The verdict the reference CSMS gives to BootNotification.</summary>
public enum CsmsBootStatus
{
    /// <summary>The station is registered.</summary>
    Accepted,

    /// <summary>The station must wait and boot again; the CSMS may configure it meanwhile.</summary>
    Pending,

    /// <summary>The station is refused; it boots again after the interval.</summary>
    Rejected,
}

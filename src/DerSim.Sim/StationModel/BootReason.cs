namespace DerSim.Sim.StationModel;

/// <summary>Why the station boots; 2.x reports it in BootNotification.reason.</summary>
public enum BootReason
{
    /// <summary>The process started.</summary>
    PowerUp,

    /// <summary>The CSMS sent Reset.</summary>
    RemoteReset,

    /// <summary>The CSMS asked for a BootNotification through TriggerMessage.</summary>
    Triggered,

    /// <summary>A reset the CSMS asked for waited for the running transactions to end (2.x Reset OnIdle answered Scheduled).</summary>
    ScheduledReset,

    /// <summary>The station rebooted to install new firmware (2.x L01).</summary>
    FirmwareUpdate,
}

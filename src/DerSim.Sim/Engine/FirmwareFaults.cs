namespace DerSim.Sim.Engine;

/// <summary>Failures the simulated station is told to have in its firmware updates (scenario setup, not OCPP).</summary>
public sealed class FirmwareFaults
{
    /// <summary>The installed image fails its verification: InstallVerificationFailed instead of a reboot.</summary>
    public bool InstallVerificationFails { get; set; }

    /// <summary>The installation fails after the reboot: InstallationFailed instead of Installed.</summary>
    public bool InstallationFails { get; set; }

    /// <summary>An update under way cannot be cancelled: a new request is Rejected (L01.FR.27).</summary>
    public bool CannotCancel { get; set; }
}

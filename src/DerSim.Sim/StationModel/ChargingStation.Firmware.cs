namespace DerSim.Sim.StationModel;

// What the station trusts to sign its firmware, version-neutral.
public sealed partial class ChargingStation
{
    /// <summary>The manufacturer roots and revoked signing certificates firmware updates are judged by.</summary>
    public FirmwareTrust FirmwareTrust { get; } = new();
}

namespace DerSim.Sim.StationModel;

public sealed partial class ChargingStation
{
    /// <summary>The CA certificates the station trusts, managed by the CSMS with Install/GetInstalled/DeleteCertificate (block M).</summary>
    public InstalledCertificates CaCertificates { get; } = new();
}

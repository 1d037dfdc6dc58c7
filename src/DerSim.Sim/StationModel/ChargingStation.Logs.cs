namespace DerSim.Sim.StationModel;

public sealed partial class ChargingStation
{
    /// <summary>Its diagnostics and security logs, and the log upload it may have going (2.x GetLog).</summary>
    public StationLogBook Logs { get; } = new();
}

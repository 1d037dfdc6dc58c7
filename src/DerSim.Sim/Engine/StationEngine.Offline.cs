namespace DerSim.Sim.Engine;

public sealed partial class StationEngine
{
    /// <summary>The tokens the CSMS accepted, for drivers who arrive while the station is offline.</summary>
    internal OfflineAuthorization OfflineAuthorization { get; } = new();
}

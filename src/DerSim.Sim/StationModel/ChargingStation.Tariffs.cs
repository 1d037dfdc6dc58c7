namespace DerSim.Sim.StationModel;

public sealed partial class ChargingStation
{
    /// <summary>The default tariffs the CSMS set (OCPP 2.1 SetDefaultTariff), which price the transactions locally.</summary>
    public StationTariffs Tariffs { get; } = new();
}

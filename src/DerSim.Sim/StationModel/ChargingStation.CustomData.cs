namespace DerSim.Sim.StationModel;

public sealed partial class ChargingStation
{
    /// <summary>
    /// The vendor data the station adds to its 2.x StatusNotification and TransactionEvent requests (also inside
    /// <c>transactionInfo</c>), and to its DataTransfer; null adds none. The default value is null.
    /// </summary>
    public StationCustomData? CustomData { get; set; }
}

using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Physics;

/// <summary>The live state of one EVSE inside <see cref="StationPhysics"/>.</summary>
internal sealed class PortState(EvseDefinition evse)
{
    public EvseDefinition Evse { get; } = evse;

    public ConnectorDefinition? Connector { get; set; }

    public Ev? Ev { get; set; }

    public bool EnergyAllowed { get; set; }

    public double ImportWh { get; set; }

    public double ExportWh { get; set; }

    public double DeliveredKw { get; set; }

    public double OfferedKw { get; set; }

    public double ExportKw { get; set; }

    public double? LimitKw { get; set; }

    /// <summary>The energy-transfer mode negotiated for the plugged EV; discharge needs a bidirectional one.</summary>
    public EnergyTransferMode? TransferMode { get; set; }

    /// <summary>The operation mode of the directive in force while energy is allowed.</summary>
    public OperationMode? Mode { get; set; }

    /// <summary>Reactive power, kvar: positive injected (over-excited), negative absorbed.</summary>
    public double ReactiveKvar { get; set; }

    public ChargingState State { get; set; } = ChargingState.Idle;

    /// <summary>The plugged connector, or the EVSE's first one for reporting voltage and current type when idle.</summary>
    public ConnectorDefinition ShownConnector => Connector ?? Evse.Connectors.OrderBy(c => c.Id).First();
}

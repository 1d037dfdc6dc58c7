using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Physics;

/// <summary>One EVSE at one moment; what the meter reads and the adapters report.</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="ConnectorId">The connector the EV is plugged into, <see langword="null"/> when none.</param>
/// <param name="CurrentType">AC or DC of that connector (of the EVSE's first connector when none is plugged).</param>
/// <param name="State">Charging state.</param>
/// <param name="EnergyAllowed">Whether a transaction lets energy flow.</param>
/// <param name="EvModelName">The plugged-in EV's model, when one is plugged.</param>
/// <param name="SocPercent">The EV's state of charge, when one is plugged.</param>
/// <param name="TargetSocPercent">The EV's target state of charge, when one is plugged.</param>
/// <param name="TargetReached">Whether the EV is at its target (it stopped drawing: SuspendedEV).</param>
/// <param name="DeliveredKw">Power delivered to the EV now (<c>Power.Active.Import</c>), kW.</param>
/// <param name="OfferedKw">Power the station offers the EV now (<c>Power.Offered</c>), kW; at least <paramref name="DeliveredKw"/>.</param>
/// <param name="ExportKw">Power the EV feeds back now (V2G, <c>Power.Active.Export</c>), kW.</param>
/// <param name="LimitKw">The charging-profile limit in force, kW (negative: discharge setpoint), if any.</param>
/// <param name="VoltageV">Voltage: the connector's nominal voltage (phase to neutral for AC).</param>
/// <param name="Phases">Phases carrying current on AC (the fewer of connector and on-board charger); <see langword="null"/> on DC.</param>
/// <param name="CurrentA">Import current: on DC P/V, on AC per phase P/(phases·V).</param>
/// <param name="EnergyImportWh">The EVSE's import register (<c>Energy.Active.Import.Register</c>), Wh; monotonic over the EVSE's life.</param>
/// <param name="EnergyExportWh">The EVSE's export register (<c>Energy.Active.Export.Register</c>), Wh.</param>
public sealed record EvseSnapshot(
    int EvseId,
    int? ConnectorId,
    CurrentType CurrentType,
    ChargingState State,
    bool EnergyAllowed,
    string? EvModelName,
    double? SocPercent,
    double? TargetSocPercent,
    bool TargetReached,
    double DeliveredKw,
    double OfferedKw,
    double ExportKw,
    double? LimitKw,
    double VoltageV,
    int? Phases,
    double CurrentA,
    double EnergyImportWh,
    double EnergyExportWh)
{
    /// <summary>Reactive power exchanged with the grid, kvar: positive injected (over-excited), negative absorbed. The default value is 0.</summary>
    public double ReactiveKvar { get; init; }

    /// <summary>The energy-transfer mode negotiated with the plugged EV (discharge only in a bidirectional one), if any.</summary>
    public EnergyTransferMode? EnergyTransferMode { get; init; }

    /// <summary>The operation mode in force while a transaction lets energy flow; null otherwise.</summary>
    public OperationMode? OperationMode { get; init; }

    /// <summary>Export current, on the same basis as <see cref="CurrentA"/>.</summary>
    public double ExportCurrentA => VoltageV > 0 ? ExportKw * 1000 / ((Phases ?? 1) * VoltageV) : 0;

    /// <summary>Offered current, on the same basis as <see cref="CurrentA"/>.</summary>
    public double OfferedCurrentA => VoltageV > 0 ? OfferedKw * 1000 / ((Phases ?? 1) * VoltageV) : 0;
}

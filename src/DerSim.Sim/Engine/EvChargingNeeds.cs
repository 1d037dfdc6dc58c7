using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Engine;

/// <summary>What the EV on an EVSE tells the station it needs and can do, for NotifyEVChargingNeeds.</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="Requested">The energy-transfer mode the EV requests.</param>
/// <param name="Available">The modes both the EV and the connector support.</param>
/// <param name="Model">The EV's model (battery, powers).</param>
/// <param name="Connector">The connector in use.</param>
/// <param name="SocPercent">The EV's state of charge now.</param>
/// <param name="TargetSocPercent">The state of charge the EV wants at departure.</param>
/// <param name="At">Simulated time of the request.</param>
public sealed record EvChargingNeeds(
    int EvseId,
    EnergyTransferMode Requested,
    IReadOnlyList<EnergyTransferMode> Available,
    EvModel Model,
    ConnectorDefinition Connector,
    double SocPercent,
    double TargetSocPercent,
    DateTimeOffset At)
{
    /// <summary>Energy to the target, kWh.</summary>
    public double EnergyToTargetKwh => Math.Max(0, (TargetSocPercent - SocPercent) / 100 * Model.BatteryKwh);

    /// <summary>The most the EV takes on this connector, kW.</summary>
    public double MaxChargeKw => Connector.CurrentType == CurrentType.DC
        ? Math.Min(Model.MaxDcKw, Connector.MaxKw)
        : Math.Min(Model.OnBoardChargerKw, Connector.MaxKw);

    /// <summary>The most the EV feeds back on this connector, kW (0 unless the requested mode is bidirectional).</summary>
    public double MaxDischargeKw => EnergyTransfer.IsBidirectional(Requested) && Connector.Bidirectional is { } bidi
        ? Math.Min(Model.MaxDischargeKw, bidi.MaxDischargeKw)
        : 0;

    /// <summary>
    /// When the EV says it leaves: twice the time to the target at its maximum power, at least an hour — a driver
    /// plugging a V2G car in leaves room for the grid to use it.
    /// </summary>
    public DateTimeOffset DepartureTime =>
        At + TimeSpan.FromSeconds(Math.Round(Math.Max(3600, MaxChargeKw > 0 ? 2 * EnergyToTargetKwh / MaxChargeKw * 3600 : 3600)));
}

using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Physics;

/// <summary>
/// The station's stationary battery and grid connection. The grid feeds the chargers first; the battery covers
/// the rest up to its discharge maximum while it holds energy, and recharges from spare grid capacity.
/// </summary>
public sealed class BackingBattery
{
    /// <summary>Creates the battery at the profile's initial state of charge.</summary>
    public BackingBattery(BackingBatteryDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        EnergyKwh = definition.CapacityKwh * Math.Clamp(definition.InitialSocPercent, 0, 100) / 100;
    }

    /// <summary>What the profile says about the battery.</summary>
    public BackingBatteryDefinition Definition { get; }

    /// <summary>Stored energy in kWh.</summary>
    public double EnergyKwh { get; private set; }

    /// <summary>State of charge, 0..100.</summary>
    public double SocPercent => Definition.CapacityKwh > 0 ? EnergyKwh / Definition.CapacityKwh * 100 : 0;

    /// <summary>Whether the battery has nothing left to give.</summary>
    public bool IsExhausted => EnergyKwh <= 1e-9;

    /// <summary>
    /// What the battery can give over the next step of <paramref name="stepSeconds"/>, in kW: its discharge maximum,
    /// or less when the stored energy would run out within the step (so it never goes below empty).
    /// </summary>
    public double DischargeCapacityKw(double stepSeconds) =>
        Math.Max(0, Math.Min(Definition.MaxDischargeKw, EnergyKwh * 3600 / stepSeconds));

    /// <summary>Grid connection plus what the battery can give: the most the chargers can draw.</summary>
    public double SupplyKw(double stepSeconds) => Math.Max(0, Definition.GridConnectionKw) + DischargeCapacityKw(stepSeconds);

    /// <summary>
    /// The battery's power while the chargers draw <paramref name="loadKw"/>: positive when it discharges to cover
    /// load above the grid connection, negative when it recharges from spare grid capacity.
    /// </summary>
    public double FlowKw(double loadKw, double stepSeconds)
    {
        var grid = Math.Max(0, Definition.GridConnectionKw);
        if (loadKw > grid)
        {
            return Math.Min(loadKw - grid, DischargeCapacityKw(stepSeconds));
        }

        var room = Math.Max(0, Definition.CapacityKwh - EnergyKwh) * 3600 / stepSeconds;
        return -Math.Max(0, Math.Min(Math.Min(Definition.MaxChargeKw, grid - loadKw), room));
    }

    /// <summary>Runs <paramref name="flowKw"/> (from <see cref="FlowKw"/>) for <paramref name="seconds"/>.</summary>
    public void Run(double flowKw, double seconds) =>
        EnergyKwh = Math.Clamp(EnergyKwh - (flowKw * seconds / 3600), 0, Definition.CapacityKwh);
}

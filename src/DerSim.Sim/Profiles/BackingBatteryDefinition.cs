namespace DerSim.Sim.Profiles;

/// <summary>The stationary battery behind the chargers, shared by all ports.</summary>
/// <param name="CapacityKwh">Usable capacity in kWh.</param>
/// <param name="InitialSocPercent">State of charge at start, 0..100.</param>
/// <param name="MaxChargeKw">Maximum charging power in kW.</param>
/// <param name="MaxDischargeKw">Maximum discharging power in kW.</param>
/// <param name="GridConnectionKw">Capacity of the grid connection in kW.</param>
public sealed record BackingBatteryDefinition(
    double CapacityKwh,
    double InitialSocPercent,
    double MaxChargeKw,
    double MaxDischargeKw,
    double GridConnectionKw);

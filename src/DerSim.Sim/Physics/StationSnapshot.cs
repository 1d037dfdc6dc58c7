namespace DerSim.Sim.Physics;

/// <summary>The whole station at one moment.</summary>
/// <param name="At">Simulated time.</param>
/// <param name="Evses">Every EVSE, in id order.</param>
/// <param name="TotalDeliveredKw">Sum of the EVSEs' delivered power, kW.</param>
/// <param name="SupplyKw">What grid and backing battery can give now, kW.</param>
/// <param name="GridKw">Power drawn from the grid (chargers and battery recharge less what EVs feed back), kW; negative when the station feeds the grid.</param>
/// <param name="BackingBatteryKw">Backing battery power, kW: positive discharging, negative recharging.</param>
/// <param name="BackingBatterySocPercent">Backing battery state of charge, 0..100.</param>
public sealed record StationSnapshot(
    DateTimeOffset At,
    IReadOnlyList<EvseSnapshot> Evses,
    double TotalDeliveredKw,
    double SupplyKw,
    double GridKw,
    double BackingBatteryKw,
    double BackingBatterySocPercent)
{
    /// <summary>The snapshot of EVSE <paramref name="evseId"/>.</summary>
    public EvseSnapshot Evse(int evseId) =>
        Evses.FirstOrDefault(e => e.EvseId == evseId) ?? throw new ArgumentOutOfRangeException(nameof(evseId), evseId, "No such EVSE.");
}

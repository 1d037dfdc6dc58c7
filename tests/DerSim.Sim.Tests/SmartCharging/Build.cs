using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.SmartCharging;

namespace DerSim.Sim.Tests.SmartCharging;

/// <summary>Terse builders for model profiles and electrical contexts used across the smart-charging tests.</summary>
internal static class Build
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    public static readonly ElectricalContext Ac3 = new(230, 3, CurrentType.AC);
    public static readonly ElectricalContext Ac1 = new(230, 1, CurrentType.AC);
    public static readonly ElectricalContext Dc400 = new(400, 1, CurrentType.DC);

    public static ChargingProfile Profile(
        int id,
        ChargingProfilePurpose purpose,
        int stackLevel,
        ChargingRateUnit unit,
        params (int Start, decimal Limit)[] periods) =>
        Profile(id, purpose, stackLevel, ChargingProfileKind.Relative, null, unit, periods);

    public static ChargingProfile Profile(
        int id,
        ChargingProfilePurpose purpose,
        int stackLevel,
        ChargingProfileKind kind,
        DateTimeOffset? startSchedule,
        ChargingRateUnit unit,
        params (int Start, decimal Limit)[] periods) =>
        new(id, stackLevel, purpose, kind,
            [new ChargingSchedule(1, unit, [.. periods.Select(p => new ChargingSchedulePeriod(p.Start, p.Limit))]) { StartSchedule = startSchedule }]);

    public static ChargingProfile Absolute(int id, ChargingProfilePurpose purpose, int stackLevel, DateTimeOffset start, ChargingRateUnit unit, params (int Start, decimal Limit)[] periods) =>
        Profile(id, purpose, stackLevel, ChargingProfileKind.Absolute, start, unit, periods);

    public static ChargingProfile WithDuration(this ChargingProfile profile, int seconds) =>
        profile with { Schedules = [profile.Schedule with { Duration = seconds }] };

    /// <summary>Asserts a limit exists and equals <paramref name="expected"/> kW within float noise.</summary>
    public static void ShouldBeKw(this double? actual, double expected, string? because = null)
    {
        actual.ShouldNotBeNull(because);
        actual.Value.ShouldBe(expected, 1e-9, because);
    }

    /// <summary>A store on OCPP 2.x rules with a transaction "TX-1" on EVSE 1 started at <see cref="T0"/>.</summary>
    public static ChargingProfileStore StoreWithTransaction(SmartChargingRules? rules = null, string txId = "TX-1")
    {
        var store = new ChargingProfileStore(rules);
        store.StartTransaction(1, txId, T0);
        return store;
    }
}

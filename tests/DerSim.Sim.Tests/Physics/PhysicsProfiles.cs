using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Physics;

/// <summary>The bundled profiles, loaded once, and the fixed start of simulated time.</summary>
internal static class PhysicsProfiles
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly string[] Names =
    [
        "EVSE-AC-22kW-1port", "EVSE-AC-7.4kW-2port", "EVSE-DC-150kW-CCS-1port",
        "EVSE-DC-350kW-CCS-2port", "EVSE-Hybrid-2DC-1AC", "EVSE-V2G-DC-50kW-bidir",
    ];

    private static readonly Lazy<Dictionary<string, EvseProfile>> Loaded = new(() =>
    {
        var dir = ProfilesDirectory.Locate();
        return Names.ToDictionary(n => n, n => EvseProfileLoader.Load(n, dir), StringComparer.Ordinal);
    });

    public static EvseProfile Get(string name) => Loaded.Value[name];

    public static EvseProfile WithBattery(string name, Func<BackingBatteryDefinition, BackingBatteryDefinition> change)
    {
        var profile = Get(name);
        return profile with { BackingBattery = change(profile.BackingBattery) };
    }
}

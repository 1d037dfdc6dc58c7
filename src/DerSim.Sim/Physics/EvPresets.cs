using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Physics;

/// <summary>The bundled EV models, selectable by name (<c>--ev</c>).</summary>
public static class EvPresets
{
    /// <summary>A ~40 kWh city car: 11 kW three-phase on-board charger, about 50 kW on DC; no ISO 15118.</summary>
    public static EvModel CompactAc { get; } = new(
        "compact-ac",
        40,
        [new(0, 40), new(10, 50), new(55, 50), new(70, 38), new(80, 27), new(90, 14), new(100, 3)],
        MaxDcKw: 50,
        OnBoardChargerKw: 11,
        OnBoardChargerPhases: 3);

    /// <summary>A 75 kWh DC saloon peaking at 200 kW between 10 and 40 % and tapering to a few kW when full; speaks ISO 15118.</summary>
    public static EvModel Sedan75 { get; } = new(
        "sedan-75",
        75,
        [new(0, 150), new(10, 200), new(40, 200), new(60, 140), new(80, 80), new(90, 40), new(100, 6)],
        MaxDcKw: 200,
        OnBoardChargerKw: 11,
        OnBoardChargerPhases: 3)
    {
        Iso15118 = true,
    };

    /// <summary>A heavy truck with a 600 kWh pack that takes 350 kW up to 60 %; speaks ISO 15118.</summary>
    public static EvModel Truck350 { get; } = new(
        "truck-350",
        600,
        [new(0, 300), new(5, 350), new(60, 350), new(80, 250), new(90, 120), new(100, 20)],
        MaxDcKw: 350,
        OnBoardChargerKw: 22,
        OnBoardChargerPhases: 3)
    {
        Iso15118 = true,
    };

    /// <summary>A 60 kWh bidirectional car: 50 kW charge and discharge on DC (DC_BPT, ISO 15118-20), down to 20 % SoC; it arrives at 50 %.</summary>
    public static EvModel V2g50 { get; } = new(
        "v2g-50",
        60,
        [new(0, 50), new(70, 50), new(85, 30), new(95, 12), new(100, 3)],
        MaxDcKw: 50,
        OnBoardChargerKw: 7.4,
        OnBoardChargerPhases: 1)
    {
        Bidirectional = true,
        Iso15118 = true,
        MaxDischargeKw = 50,
        MinSocPercent = 20,
        ArrivalSocPercent = 50,
    };

    /// <summary>A plug-in hybrid with a 13 kWh pack and a 3.7 kW single-phase on-board charger, AC only; no ISO 15118.</summary>
    public static EvModel PhevAc { get; } = new(
        "phev-ac",
        13,
        [new(0, 3.7), new(90, 3.7), new(100, 1.5)],
        MaxDcKw: 0,
        OnBoardChargerKw: 3.7,
        OnBoardChargerPhases: 1);

    private static readonly EvModel[] All = [CompactAc, Sedan75, Truck350, V2g50, PhevAc];

    /// <summary>Every preset name, in a stable order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>Finds a preset by name (case-insensitive).</summary>
    public static bool TryGet(string name, out EvModel model)
    {
        model = All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return model is not null;
    }

    /// <summary>
    /// The car a profile's default session uses: the bidirectional car where a connector is bidirectional,
    /// the truck where a DC connector gives 350 kW or more, the saloon for other DC, the compact car for AC only.
    /// </summary>
    public static EvModel DefaultFor(EvseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var connectors = profile.AllConnectors.ToList();
        if (connectors.Exists(c => c.Bidirectional is not null))
        {
            return V2g50;
        }

        if (connectors.Exists(c => c.CurrentType == CurrentType.DC && c.MaxKw >= 350))
        {
            return Truck350;
        }

        return connectors.Exists(c => c.CurrentType == CurrentType.DC) ? Sedan75 : CompactAc;
    }
}

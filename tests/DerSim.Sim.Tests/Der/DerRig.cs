using DerSim.Sim.Der;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Sim.Tests.Der;

/// <summary>A real station physics with a DER controller hooked in: one EV on EVSE 1, discharging (V2G) or charging (DC-350).</summary>
internal sealed class DerRig
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private DerRig(string profile, EvModel model, double? limitKw)
    {
        var loaded = EvseProfileLoader.Load(profile, ProfilesDirectory.Locate());
        Physics = new StationPhysics(loaded, Start);
        Der = new DerController(Time, Grid);
        Physics.SetGridSupport(Der);
        Physics.SetLimitSource((evseId, _) => evseId == 1 ? limitKw : null);
        Physics.Plug(1, loaded.Evses.Single(e => e.Id == 1).Connectors[0].Id, new Ev(model, 60, 90));
        Physics.SetEnergyAllowed(1, true);
        RatingKw = loaded.Evses.Single(e => e.Id == 1).MaxKw;
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public SimulatedGrid Grid { get; } = new();

    public StationPhysics Physics { get; }

    public DerController Der { get; }

    public double RatingKw { get; }

    public EvseSnapshot Port => Physics.Snapshot(1);

    /// <summary>The bidirectional EV discharging as far as it can (a −1000 kW limit).</summary>
    public static DerRig Discharging() => new("EVSE-V2G-DC-50kW-bidir", EvPresets.V2g50, -1000);

    /// <summary>A truck charging on the DC-350 (not bidirectional).</summary>
    public static DerRig Charging() => new("EVSE-DC-350kW-CCS-2port", EvPresets.Truck350, null);

    public void Set(DerControlType type, DerSetting setting, string id = "c1", bool isDefault = true)
    {
        Der.Set(new DerControl(id, type, isDefault, setting)).Status.ShouldBe(DerStatus.Accepted);
        Physics.Reevaluate();
    }

    public void Voltage(double percent)
    {
        Grid.SetVoltage(Grid.State.NominalVoltageV * percent / 100);
        Physics.Reevaluate();
    }

    public void Frequency(double hz)
    {
        Grid.SetFrequency(hz);
        Physics.Reevaluate();
    }

    /// <summary>Moves the clock and the physics together.</summary>
    public void Pass(double seconds)
    {
        Time.Advance(TimeSpan.FromSeconds(seconds));
        Physics.AdvanceTo(Time.GetUtcNow());
    }

    public static DerCurve Curve(params (double X, double Y)[] points) => Curve(DerUnit.PctMaxW, points);

    public static DerCurve Curve(DerUnit unit, params (double X, double Y)[] points) =>
        new(1, [.. points.Select(p => new DerCurvePoint(p.X, p.Y))], unit);
}

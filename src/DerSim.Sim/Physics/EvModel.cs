namespace DerSim.Sim.Physics;

/// <summary>
/// A kind of electric vehicle: battery, charging curve, on-board AC charger and V2G ability. Immutable;
/// <see cref="EvPresets"/> holds the bundled ones, <see cref="Ev"/> is one car of a model.
/// </summary>
/// <param name="Name">Preset name, e.g. <c>sedan-75</c>.</param>
/// <param name="BatteryKwh">Usable battery capacity in kWh.</param>
/// <param name="Curve">Accepted power versus state of charge, ascending in SoC; interpolated linearly and held flat beyond the ends.</param>
/// <param name="MaxDcKw">The most the car takes on DC, in kW (0 for an AC-only car).</param>
/// <param name="OnBoardChargerKw">Rating of the on-board AC charger in kW.</param>
/// <param name="OnBoardChargerPhases">Phases the on-board charger uses, 1 or 3.</param>
public sealed record EvModel(
    string Name,
    double BatteryKwh,
    IReadOnlyList<ChargingCurvePoint> Curve,
    double MaxDcKw,
    double OnBoardChargerKw,
    int OnBoardChargerPhases)
{
    /// <summary>Whether the car can feed power back (V2G). The default value is <see langword="false"/>.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>
    /// Whether the car speaks ISO 15118 (high-level communication) with a connector that does too, so it can tell the
    /// station its charging needs. The default value is <see langword="false"/>: a car that only signals by PWM.
    /// </summary>
    public bool Iso15118 { get; init; }

    /// <summary>The most the car discharges in kW when bidirectional. The default value is 0.</summary>
    public double MaxDischargeKw { get; init; }

    /// <summary>The car refuses to discharge below this state of charge. The default value is 20.</summary>
    public double MinSocPercent { get; init; } = 20;

    /// <summary>
    /// The state of charge the car arrives with unless told otherwise. The default value is
    /// <see cref="Ev.DefaultInitialSocPercent"/>; a V2G car arrives with energy to give back.
    /// </summary>
    public double ArrivalSocPercent { get; init; } = Ev.DefaultInitialSocPercent;

    /// <summary>The battery's accepted power at <paramref name="socPercent"/>, from the curve.</summary>
    public double CurveKwAt(double socPercent)
    {
        var curve = Curve;
        if (socPercent <= curve[0].SocPercent)
        {
            return curve[0].Kw;
        }

        for (var i = 1; i < curve.Count; i++)
        {
            var right = curve[i];
            if (socPercent <= right.SocPercent)
            {
                var left = curve[i - 1];
                var span = right.SocPercent - left.SocPercent;
                return span <= 0 ? right.Kw : left.Kw + ((right.Kw - left.Kw) * (socPercent - left.SocPercent) / span);
            }
        }

        return curve[^1].Kw;
    }

    /// <summary>Throws when the model cannot be simulated (empty or unordered curve, non-positive capacity, …).</summary>
    public void Validate()
    {
        if (!(BatteryKwh > 0))
        {
            throw new ArgumentException($"EV model '{Name}': battery capacity must be > 0 kWh, got {BatteryKwh}.");
        }

        if (Curve is null || Curve.Count == 0)
        {
            throw new ArgumentException($"EV model '{Name}': the charging curve needs at least one point.");
        }

        for (var i = 0; i < Curve.Count; i++)
        {
            var point = Curve[i];
            if (point.Kw < 0 || point.SocPercent is < 0 or > 100 || (i > 0 && point.SocPercent < Curve[i - 1].SocPercent))
            {
                throw new ArgumentException($"EV model '{Name}': curve point {i} ({point.SocPercent} %, {point.Kw} kW) must have 0..100 % in ascending order and kW >= 0.");
            }
        }

        if (MaxDcKw < 0 || OnBoardChargerKw < 0 || OnBoardChargerPhases is < 1 or > 3 || MaxDischargeKw < 0)
        {
            throw new ArgumentException($"EV model '{Name}': powers must be >= 0 and on-board charger phases 1..3.");
        }
    }
}

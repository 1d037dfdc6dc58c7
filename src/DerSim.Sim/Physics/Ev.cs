using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Physics;

/// <summary>
/// One car of an <see cref="EvModel"/>: its state of charge and the state of charge at which the session ends.
/// <see cref="StationPhysics"/> moves the state of charge while the car is plugged in.
/// </summary>
public sealed class Ev
{
    /// <summary>The state of charge a car arrives with unless told otherwise: 20 %.</summary>
    public const double DefaultInitialSocPercent = 20;

    /// <summary>
    /// The state of charge at which the station stops offering unless told otherwise: 80 %, the usual end of a
    /// DC fast-charging stop (beyond it the curve tapers and the bay is better given to the next car).
    /// </summary>
    public const double DefaultTargetSocPercent = 80;

    // A state of charge this close to the target counts as reached; the approach is asymptotic when a caller
    // advances time in steps shorter than the integration step.
    private const double TargetToleranceSocPercent = 1e-6;

    /// <summary>Creates a car of <paramref name="model"/> at <paramref name="socPercent"/> heading for <paramref name="targetSocPercent"/>.</summary>
    public Ev(EvModel model, double socPercent = DefaultInitialSocPercent, double targetSocPercent = DefaultTargetSocPercent)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(socPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(socPercent, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetSocPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetSocPercent, 100);
        Model = model;
        SocPercent = socPercent;
        TargetSocPercent = targetSocPercent;
    }

    /// <summary>The kind of car.</summary>
    public EvModel Model { get; }

    /// <summary>State of charge, 0..100.</summary>
    public double SocPercent { get; internal set; }

    /// <summary>The state of charge at which the station stops offering power.</summary>
    public double TargetSocPercent { get; internal set; }

    /// <summary>Whether the car itself pauses (e.g. its own departure timer); it then takes nothing while offered.</summary>
    public bool Paused { get; internal set; }

    /// <summary>Whether the state of charge has reached the target.</summary>
    public bool TargetReached => SocPercent >= TargetSocPercent - TargetToleranceSocPercent;

    /// <summary>Energy still needed to reach the target, in kWh.</summary>
    public double EnergyToTargetKwh => Math.Max(0, (TargetSocPercent - SocPercent) / 100 * Model.BatteryKwh);

    /// <summary>
    /// What the car asks for on <paramref name="connector"/> at its present state of charge, in kW: on AC the
    /// curve capped by the on-board charger and by phases × voltage × current of the connector (using the phases
    /// both sides have); on DC the curve capped by the car's DC maximum; never above the connector's maximum;
    /// 0 when paused or at the target.
    /// </summary>
    public double DemandKw(ConnectorDefinition connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (Paused || TargetReached || SocPercent >= 100)
        {
            return 0;
        }

        var curve = Model.CurveKwAt(SocPercent);
        var demand = connector.CurrentType == CurrentType.AC
            ? Math.Min(Math.Min(curve, Model.OnBoardChargerKw), AcPhases(connector) * connector.NominalVoltageV * connector.MaxCurrentA / 1000)
            : Math.Min(curve, Model.MaxDcKw);
        return Math.Max(0, Math.Min(demand, connector.MaxKw));
    }

    /// <summary>The most the car can feed back through <paramref name="connector"/> now, in kW (0 unless both sides are bidirectional and the car is above its minimum SoC).</summary>
    public double DischargeCapacityKw(ConnectorDefinition connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (!Model.Bidirectional || connector.Bidirectional is null || Paused || SocPercent <= Model.MinSocPercent)
        {
            return 0;
        }

        return Math.Max(0, Math.Min(Model.MaxDischargeKw, connector.Bidirectional.MaxDischargeKw));
    }

    /// <summary>Phases in use on an AC connector: the fewer of the connector's and the on-board charger's.</summary>
    public int AcPhases(ConnectorDefinition connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return Math.Min(connector.Phases ?? 1, Model.OnBoardChargerPhases);
    }
}

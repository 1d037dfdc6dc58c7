namespace DerSim.Sim.Der;

/// <summary>What a curve's y (or a set point) is measured in.</summary>
public enum DerUnit
{
    /// <summary>No unit: seconds of a trip curve, or a power factor.</summary>
    NotApplicable,

    /// <summary>Percent of the port's rated active power.</summary>
    PctMaxW,

    /// <summary>Percent of the port's rated reactive power (its rating in kVA).</summary>
    PctMaxVar,

    /// <summary>Percent of the active power available now.</summary>
    PctWAvail,

    /// <summary>Percent of the reactive power available now (the apparent-power headroom left by active power).</summary>
    PctVarAvail,

    /// <summary>Percent of the effective voltage.</summary>
    PctEffectiveV,
}

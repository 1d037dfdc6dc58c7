namespace DerSim.Sim.Der;

/// <summary>A constant reactive power.</summary>
/// <param name="Priority">0 is the highest.</param>
/// <param name="SetpointPercent">Percent (-100..100) in <paramref name="Unit"/>; positive injects (over-excited), negative absorbs.</param>
/// <param name="Unit">PctMaxVar (of the port's kVA rating) or PctVarAvail (of the headroom active power leaves).</param>
public sealed record DerFixedVar(int Priority, double SetpointPercent, DerUnit Unit) : DerSetting(Priority);

namespace DerSim.Sim.Der;

/// <summary>A constant power factor (FixedPFAbsorb while charging, FixedPFInject while discharging).</summary>
/// <param name="Priority">0 is the highest.</param>
/// <param name="Displacement">cos φ, 0..1.</param>
/// <param name="Absorb">True: absorb reactive power (under-excited); false: inject it (over-excited).</param>
public sealed record DerFixedPowerFactor(int Priority, double Displacement, bool Absorb) : DerSetting(Priority);

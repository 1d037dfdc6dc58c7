namespace DerSim.Sim.Physics;

/// <summary>A port's power after grid-support functions acted.</summary>
/// <param name="ImportKw">Charging power.</param>
/// <param name="OfferedKw">Power offered to the EV.</param>
/// <param name="ExportKw">Discharging power.</param>
/// <param name="ReactiveKvar">Reactive power, positive injected (over-excited).</param>
public readonly record struct GridSupportEffect(double ImportKw, double OfferedKw, double ExportKw, double ReactiveKvar);

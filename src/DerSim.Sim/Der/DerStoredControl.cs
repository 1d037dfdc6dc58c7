namespace DerSim.Sim.Der;

/// <summary>A control as the store holds it.</summary>
/// <param name="Control">The control.</param>
/// <param name="IsSuperseded">Whether a later control of the same type replaced it.</param>
public sealed record DerStoredControl(DerControl Control, bool IsSuperseded);

namespace DerSim.Sim.Der;

/// <summary>
/// Ramp rates, each the time in seconds to go from zero to the port's full rating (0: no ramp): every change of
/// active power is limited to rating / <paramref name="GradientSeconds"/> per second, and a return to service after
/// a trip to rating / <paramref name="SoftGradientSeconds"/> (when no EnterService ramp applies).
/// </summary>
/// <param name="Priority">0 is the highest.</param>
/// <param name="GradientSeconds">Normal ramp.</param>
/// <param name="SoftGradientSeconds">Soft-start ramp.</param>
public sealed record DerGradients(int Priority, double GradientSeconds, double SoftGradientSeconds) : DerSetting(Priority);

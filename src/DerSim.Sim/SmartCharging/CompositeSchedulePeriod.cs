namespace DerSim.Sim.SmartCharging;

/// <summary>One interval of a composite schedule, in the composite's rate unit.</summary>
/// <param name="StartPeriod">Seconds from the composite's start.</param>
/// <param name="Limit">The limit; null when nothing limits and no hardware maximum is known.</param>
/// <param name="NumberPhases">Phases the limit assumes on AC; null on DC.</param>
public sealed record CompositeSchedulePeriod(int StartPeriod, double? Limit, int? NumberPhases);

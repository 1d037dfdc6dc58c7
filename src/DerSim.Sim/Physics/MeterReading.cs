namespace DerSim.Sim.Physics;

/// <summary>One sampled value, version-neutral; adapters turn it into 1.6 SampledValue or 2.x SampledValueType.</summary>
/// <param name="Measurand">Measurand name as OCPP spells it, e.g. <c>Power.Active.Import</c>.</param>
/// <param name="Value">The value in <paramref name="Unit"/>, unrounded.</param>
/// <param name="Unit">Unit as OCPP spells it: <c>Wh</c>, <c>W</c>, <c>A</c>, <c>V</c> or <c>Percent</c>.</param>
/// <param name="Phase">Phase as OCPP spells it (<c>L1</c>, <c>L1-N</c>, …) for per-phase AC values; otherwise <see langword="null"/>.</param>
public readonly record struct MeterReading(string Measurand, double Value, string Unit, string? Phase = null);

using DerSim.Sim.Physics;

namespace DerSim.Sim.Engine;

/// <summary>A sample as it is reported, with its reading context (<c>Sample.Clock</c>, <c>Sample.Periodic</c>, …).</summary>
/// <param name="Sample">The readings, already cut to the measurands the setting in force names.</param>
/// <param name="Context">The OCPP reading context.</param>
public sealed record MeterReport(MeterSample Sample, string Context);

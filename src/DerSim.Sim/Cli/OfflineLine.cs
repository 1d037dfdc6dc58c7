namespace DerSim.Sim.Cli;

/// <summary>One printed line of an offline run and the simulated time it belongs to (for pacing).</summary>
/// <param name="At">Simulated time since the start.</param>
/// <param name="Text">The line.</param>
public sealed record OfflineLine(TimeSpan At, string Text);

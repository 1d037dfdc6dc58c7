namespace DerSim.Sim.Der;

/// <summary>One point of a DER curve; what x and y mean depends on the curve (see <see cref="DerCurve"/>).</summary>
/// <param name="X">The independent value: voltage in percent of nominal, frequency in Hz, or active power in percent of rating.</param>
/// <param name="Y">The dependent value, in the curve's <see cref="DerCurve.YUnit"/> (seconds for trip and cessation curves).</param>
public sealed record DerCurvePoint(double X, double Y);

namespace DerSim.Sim.Der;

/// <summary>How a curve returns to normal operation after a grid event (kept and reported; not modelled beyond that).</summary>
/// <param name="High">High return value, in the curve's y unit.</param>
/// <param name="Low">Low return value, in the curve's y unit.</param>
/// <param name="DelaySeconds">Time within the band before returning.</param>
/// <param name="Gradient">Rate of change on return, %/s.</param>
public sealed record DerHysteresis(double? High, double? Low, double? DelaySeconds, double? Gradient);

namespace DerSim.Harness.Drivers.Csms;

/// <summary>One point of a DER curve: x is voltage (%), frequency (Hz) or active power (%), y the response the control type defines.</summary>
/// <param name="X">The grid or power value.</param>
/// <param name="Y">The response in the curve's unit (or seconds for trip curves).</param>
public sealed record DerCurvePoint(decimal X, decimal Y);

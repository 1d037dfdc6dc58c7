namespace DerSim.Sim.SmartCharging;

/// <summary>
/// One point of a 2.1 V2X curve: a grid frequency in Hz (v2xFreqWattCurve) or an aFRR signal value
/// (v2xSignalWattCurve), and the power in W the port should then take (positive charges, negative discharges).
/// </summary>
/// <param name="X">The frequency in Hz, or the signal.</param>
/// <param name="PowerW">The power in W; negative discharges.</param>
public sealed record V2xCurvePoint(decimal X, decimal PowerW);

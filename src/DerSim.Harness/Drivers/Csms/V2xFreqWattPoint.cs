namespace DerSim.Harness.Drivers.Csms;

/// <summary>One point of a 2.1 LocalFrequency curve (v2xFreqWattCurve): at a grid frequency, a power.</summary>
/// <param name="FrequencyHz">The grid frequency in Hz.</param>
/// <param name="PowerW">The power in W: positive charges, negative discharges.</param>
public sealed record V2xFreqWattPoint(decimal FrequencyHz, decimal PowerW);

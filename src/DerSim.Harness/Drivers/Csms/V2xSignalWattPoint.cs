namespace DerSim.Harness.Drivers.Csms;

/// <summary>One point of a 2.1 CentralFrequency curve (v2xSignalWattCurve): at an AFRRSignal value, a power.</summary>
/// <param name="Signal">The signal value AFRRSignal sends.</param>
/// <param name="PowerW">The power in W: positive charges, negative discharges.</param>
public sealed record V2xSignalWattPoint(int Signal, decimal PowerW);

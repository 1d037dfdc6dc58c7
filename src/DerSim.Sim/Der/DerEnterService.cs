namespace DerSim.Sim.Der;

/// <summary>
/// When a tripped station may serve again: voltage (% of nominal) and frequency (Hz) inside the window for
/// <paramref name="DelaySeconds"/>, then active power ramps from zero to the port's rating over <paramref name="RampSeconds"/>.
/// </summary>
/// <param name="Priority">0 is the highest.</param>
/// <param name="HighVoltagePercent">Upper voltage bound, % of nominal.</param>
/// <param name="LowVoltagePercent">Lower voltage bound, % of nominal.</param>
/// <param name="HighFrequencyHz">Upper frequency bound.</param>
/// <param name="LowFrequencyHz">Lower frequency bound.</param>
/// <param name="DelaySeconds">Time inside the window before returning; 0 when absent.</param>
/// <param name="RampSeconds">Time to ramp from zero to rating on return; 0: at once.</param>
public sealed record DerEnterService(int Priority, double HighVoltagePercent, double LowVoltagePercent, double HighFrequencyHz, double LowFrequencyHz, double DelaySeconds, double RampSeconds) : DerSetting(Priority)
{
    /// <summary>The randomised extra delay as set (reported; the simulator stays deterministic and does not add it).</summary>
    public double? RandomDelaySeconds { get; init; }
}

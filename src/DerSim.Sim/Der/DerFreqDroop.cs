namespace DerSim.Sim.Der;

/// <summary>
/// Frequency droop: above <paramref name="OverFrequencyHz"/> active power falls by (f − over) / (f_nominal × overDroop)
/// of the port's rating — export first, import is never raised beyond demand; below <paramref name="UnderFrequencyHz"/>
/// import (charging) falls by (under − f) / (f_nominal × underDroop) of the rating. A droop of 0.05 means a 5 % frequency
/// deviation moves the full rating.
/// </summary>
/// <param name="Priority">0 is the highest.</param>
/// <param name="OverFrequencyHz">Where over-frequency droop starts.</param>
/// <param name="UnderFrequencyHz">Where under-frequency droop starts.</param>
/// <param name="OverDroop">Over-frequency droop per unit.</param>
/// <param name="UnderDroop">Under-frequency droop per unit.</param>
/// <param name="ResponseTimeSeconds">Open-loop response time (kept and reported; the simulator responds within one step).</param>
public sealed record DerFreqDroop(int Priority, double OverFrequencyHz, double UnderFrequencyHz, double OverDroop, double UnderDroop, double ResponseTimeSeconds) : DerSetting(Priority);

namespace DerSim.Sim.SmartCharging;

/// <summary>What the frequency operation modes read at one instant besides the profile: the grid and the CSMS's signal.</summary>
/// <param name="FrequencyHz">The grid frequency (LocalFrequency).</param>
/// <param name="AfrrSignal">The aFRR signal in force (CentralFrequency); null before the first.</param>
public sealed record V2xInputs(double FrequencyHz, int? AfrrSignal);

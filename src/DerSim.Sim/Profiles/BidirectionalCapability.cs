namespace DerSim.Sim.Profiles;

/// <summary>What a bidirectional (V2G) connector can feed back from the vehicle.</summary>
/// <param name="MaxDischargeKw">Maximum discharge power in kW.</param>
public sealed record BidirectionalCapability(double MaxDischargeKw);

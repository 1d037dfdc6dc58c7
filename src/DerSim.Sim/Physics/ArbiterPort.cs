namespace DerSim.Sim.Physics;

/// <summary>One EVSE as the <see cref="PowerArbiter"/> sees it.</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="DemandKw">What the EV asks for now, in kW.</param>
/// <param name="CeilingKw">The most this EVSE may get regardless of sharing: connector, EVSE and charging-profile limit, in kW.</param>
public readonly record struct ArbiterPort(int EvseId, double DemandKw, double CeilingKw);

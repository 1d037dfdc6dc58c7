namespace DerSim.Sim.Physics;

/// <summary>What the <see cref="PowerArbiter"/> gives one EVSE.</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="AllocatedKw">Power it delivers: at most its demand, its ceiling and its share of every budget.</param>
/// <param name="OfferedKw">
/// Power the station offers it (<c>Power.Offered</c>): the allocation plus whatever it could still take if it asked
/// for more, given the others' allocations. Equal to the allocation where a shared budget is exhausted.
/// </param>
public readonly record struct PortAllocation(int EvseId, double AllocatedKw, double OfferedKw);

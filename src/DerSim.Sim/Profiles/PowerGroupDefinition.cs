namespace DerSim.Sim.Profiles;

/// <summary>EVSEs that share one power budget (e.g. one inverter stack).</summary>
/// <param name="Id">Group id, unique within the profile.</param>
/// <param name="BudgetKw">Power shared by the group in kW.</param>
/// <param name="EvseIds">Ids of the EVSEs in the group.</param>
public sealed record PowerGroupDefinition(int Id, double BudgetKw, IReadOnlyList<int> EvseIds);

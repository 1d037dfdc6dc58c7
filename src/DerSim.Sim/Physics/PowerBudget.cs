namespace DerSim.Sim.Physics;

/// <summary>Power shared by a set of EVSEs: a power group, or the station (maximum and supply).</summary>
/// <param name="Name">For messages and tests, e.g. <c>group 1</c> or <c>station</c>.</param>
/// <param name="CapKw">The budget in kW.</param>
/// <param name="EvseIds">The EVSEs sharing it; <see langword="null"/> for all of them.</param>
public sealed record PowerBudget(string Name, double CapKw, IReadOnlyList<int>? EvseIds)
{
    /// <summary>Whether <paramref name="evseId"/> draws from this budget.</summary>
    public bool Covers(int evseId) => EvseIds is null || EvseIds.Contains(evseId);
}

namespace DerSim.Sim.Engine;

/// <summary>
/// What a Master Pass holder picks on the station's user interface (OCPP 2.0.1 C16.FR.01): every transaction, or those
/// on some EVSEs. A station without a user interface gets no selection and stops them all (C16.FR.02).
/// </summary>
/// <param name="EvseIds">The EVSEs whose transactions to stop; null for every transaction.</param>
public sealed record MasterPassSelection(IReadOnlyList<int>? EvseIds)
{
    /// <summary>Every transaction.</summary>
    public static MasterPassSelection All { get; } = new((IReadOnlyList<int>?)null);

    /// <summary>Whether the transaction on <paramref name="evseId"/> is picked.</summary>
    public bool Picks(int evseId) => EvseIds is null || EvseIds.Contains(evseId);
}

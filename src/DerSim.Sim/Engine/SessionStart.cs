namespace DerSim.Sim.Engine;

/// <summary>How a session begins: where, with which token, started by whom.</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="IdTag">The token.</param>
/// <param name="Trigger">Driver or CSMS.</param>
/// <param name="RemoteStartId">The 2.x remoteStartId, if the CSMS started it.</param>
internal sealed record SessionStart(int EvseId, string IdTag, TransactionStartTrigger Trigger, int? RemoteStartId)
{
    /// <summary>
    /// Driven step by step: the EV stays plugged after the transaction until it is unplugged, and once at its target
    /// it suspends on its own side (SuspendedEV) instead of leaving.
    /// </summary>
    public bool Stepped { get; init; }

    /// <summary>The token's 2.x type; null for the type its text fits.</summary>
    public string? IdTokenType { get; init; }

    /// <summary>The token's group as the CSMS (or the cache) answered it; null for none.</summary>
    public string? GroupId { get; init; }
}

namespace DerSim.Sim.Engine;

/// <summary>
/// The station's decision on a CSMS's remote start on a step-driven EVSE (<see cref="SteppedSessions.PrepareRemoteStart"/>):
/// whether it is accepted, the transaction it joins when one runs there already, and what follows the answer.
/// </summary>
/// <param name="Accepted">Whether the request is accepted.</param>
/// <param name="TransactionId">The transaction already running on the EVSE that the request authorises, or null.</param>
/// <param name="Begin">What the station does once its answer is on the wire; null when rejected.</param>
internal sealed record SteppedRemoteStart(bool Accepted, string? TransactionId, Func<CancellationToken, Task>? Begin)
{
    /// <summary>The request is rejected; nothing follows.</summary>
    public static SteppedRemoteStart Rejected { get; } = new(false, null, null);
}

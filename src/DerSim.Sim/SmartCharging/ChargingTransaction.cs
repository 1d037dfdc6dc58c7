namespace DerSim.Sim.SmartCharging;

/// <summary>The transaction running on an EVSE, as smart charging needs it: its id and when it started.</summary>
/// <param name="TransactionId">The id (1.6 integer ids as invariant text).</param>
/// <param name="StartedAt">The start, from which Relative schedules count.</param>
public sealed record ChargingTransaction(string TransactionId, DateTimeOffset StartedAt);

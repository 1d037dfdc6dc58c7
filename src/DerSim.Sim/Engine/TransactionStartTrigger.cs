namespace DerSim.Sim.Engine;

/// <summary>What started a transaction, for 2.x triggerReason (Authorized or RemoteStart).</summary>
public enum TransactionStartTrigger
{
    /// <summary>A driver presented a token at the station.</summary>
    Authorized,

    /// <summary>The CSMS started it (1.6 RemoteStartTransaction, 2.x RequestStartTransaction).</summary>
    RemoteStart,
}

namespace DerSim.Sim.Engine;

/// <summary>What a <see cref="TransactionOutbox"/> does with a message while the station is offline.</summary>
public enum OutboxDelivery
{
    /// <summary>A request whose answer decides what happens next (Authorize): offline it fails with the connection closed.</summary>
    Request,

    /// <summary>A status report: offline it is dropped, as a station reports its current status after reconnecting anyway.</summary>
    Status,

    /// <summary>A transaction message (samples, stop, 2.x TransactionEvent): offline it is queued and the caller goes on.</summary>
    Transaction,

    /// <summary>A transaction message whose answer the caller needs (1.6 StartTransaction, for the id): queued offline, and the caller waits for its delivery.</summary>
    TransactionAwaitingAnswer,
}

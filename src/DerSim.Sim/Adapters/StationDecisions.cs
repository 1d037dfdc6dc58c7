using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>The outcome of a ChangeAvailability, in every version's terms.</summary>
public enum AvailabilityOutcome
{
    /// <summary>Changed now.</summary>
    Accepted,

    /// <summary>A transaction runs on a target: it changes when the transaction ends.</summary>
    Scheduled,

    /// <summary>No such connector or EVSE.</summary>
    Rejected,
}

/// <summary>What a TriggerMessage asks for, version-neutral.</summary>
public enum TriggeredMessage
{
    /// <summary>BootNotification.</summary>
    BootNotification,

    /// <summary>Heartbeat.</summary>
    Heartbeat,

    /// <summary>StatusNotification of the targets.</summary>
    StatusNotification,

    /// <summary>The running transactions' samples now: 1.6 MeterValues, 2.x TransactionEvent.</summary>
    TransactionSamples,

    /// <summary>Meter values outside any transaction (2.x MeterValues).</summary>
    MeterValues,

    /// <summary>Anything DerSim does not send on request.</summary>
    Other,
}

/// <summary>The outcome of a TriggerMessage, in every version's terms.</summary>
public enum TriggerOutcome
{
    /// <summary>The message follows the answer.</summary>
    Accepted,

    /// <summary>No such connector or EVSE.</summary>
    Rejected,

    /// <summary>DerSim does not send that message on request (or, for samples, no transaction runs).</summary>
    NotImplemented,
}

/// <summary>
/// The decisions of the station's remote-control requests, written once for every version: the adapters only decode a
/// request into targets (the connectors it addresses, empty when the address is unknown) and encode the outcome.
/// Reset is <see cref="StationReset"/>.
/// </summary>
public static class StationDecisions
{
    /// <summary>
    /// ChangeAvailability: the targets change now, or when the transaction on them ends (answer Scheduled: OCPP 1.6
    /// §5.2, 2.0.1 G03.FR.05/G04); their new status is reported after the answer.
    /// </summary>
    public static AvailabilityOutcome ChangeAvailability(StationSession session, IReadOnlyList<StationConnector> targets, bool operative)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            return AvailabilityOutcome.Rejected;
        }

        var change = session.Station.ChangeAvailability(targets, operative);
        session.ReportStatusAfterAnswer("ChangeAvailability", change.Changed);
        return change.Scheduled ? AvailabilityOutcome.Scheduled : AvailabilityOutcome.Accepted;
    }

    /// <summary>UnlockConnector: a connector the station has is unlocked (DerSim's connectors have no lock to fail).</summary>
    public static bool Unlock(IReadOnlyCollection<StationConnector> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets.Count > 0;
    }

    /// <summary>
    /// TriggerMessage (OCPP 1.6 §5.17, 2.0.1 F06): the message is sent after the answer, never before it.
    /// <paramref name="targets"/> is null when the request names a connector or EVSE the station does not have;
    /// <paramref name="sendStatus"/> sends one connector's StatusNotification in the version's terms; <paramref name="action"/>
    /// is the request whose answer the message follows (1.6 ExtendedTriggerMessage too).
    /// </summary>
    public static TriggerOutcome Trigger(
        StationSession session,
        TriggeredMessage message,
        IReadOnlyList<StationConnector>? targets,
        int? evseId,
        Func<StationConnector, CancellationToken, Task> sendStatus,
        string action = "TriggerMessage")
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sendStatus);
        if (targets is null)
        {
            return TriggerOutcome.Rejected;
        }

        var station = session.Station;
        switch (message)
        {
            case TriggeredMessage.BootNotification:
                station.NextBootReason = BootReason.Triggered;
                session.AfterAnswer(action, ct => session.Adapter.BootAsync(session.Peer, station, null, ct));
                return TriggerOutcome.Accepted;
            case TriggeredMessage.Heartbeat:
                session.AfterAnswer(action, ct => session.Adapter.HeartbeatAsync(session.Peer, ct));
                return TriggerOutcome.Accepted;
            case TriggeredMessage.StatusNotification:
                session.AfterAnswer(action, async ct =>
                {
                    foreach (var connector in targets)
                    {
                        await sendStatus(connector, ct).ConfigureAwait(false);
                    }
                });
                return TriggerOutcome.Accepted;
            case TriggeredMessage.TransactionSamples when session.Engine is { Transactions.Count: > 0 } engine:
                session.AfterAnswer(action, ct => engine.TriggerSamplesAsync(evseId, ct));
                return TriggerOutcome.Accepted;
            case TriggeredMessage.MeterValues when session.Engine is { } engine:
                session.AfterAnswer(action, ct => engine.TriggerMeterValuesAsync(evseId, ct));
                return TriggerOutcome.Accepted;
            default:
                return TriggerOutcome.NotImplemented;
        }
    }
}

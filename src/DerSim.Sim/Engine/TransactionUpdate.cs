using DerSim.Sim.Physics;

namespace DerSim.Sim.Engine;

/// <summary>Why a running 2.x transaction reports an Updated event besides samples and charging-state changes.</summary>
public enum TransactionUpdateTrigger
{
    /// <summary>The driver was authorised after the transaction started (triggerReason Authorized, with the idToken).</summary>
    Authorized,

    /// <summary>The EV's cable was plugged in after the transaction started (CablePluggedIn).</summary>
    CablePluggedIn,

    /// <summary>The driver ended the authorisation while the transaction goes on (StopAuthorized).</summary>
    StopAuthorized,

    /// <summary>The EV is no longer connected while the transaction goes on (EVCommunicationLost).</summary>
    EVCommunicationLost,

    /// <summary>The CSMS's RequestStartTransaction authorised the running transaction (triggerReason RemoteStart, with the idToken and its remoteStartId).</summary>
    RemoteStart,

    /// <summary>
    /// OCPP 2.1 E17: the transaction, interrupted by a reboot or a power loss, runs on after the boot within
    /// TxCtrlr.TxResumptionTimeout (triggerReason TxResumed).
    /// </summary>
    TxResumed,

    /// <summary>OCPP 2.1 E16: a limit of cost, energy or time was set for the transaction at the station (LimitSet, with transactionLimit).</summary>
    LimitSet,

    /// <summary>OCPP 2.1 I-block: the running cost the station calculated from its tariff (RunningCost, with costDetails).</summary>
    RunningCost,
}

/// <summary>An Updated event of a running transaction: why, the charging state it reports (null: none), and whether it carries the token.</summary>
/// <param name="Trigger">Why.</param>
/// <param name="State">The charging state to report, or null.</param>
/// <param name="WithIdToken">Whether the event carries the transaction's idToken (the authorisation that just happened: E03.FR.02).</param>
public sealed record TransactionUpdate(TransactionUpdateTrigger Trigger, ChargingState? State, bool WithIdToken = false)
{
    /// <summary>The limit the event reports (LimitSet): null for the other triggers.</summary>
    public TransactionLimit? Limit { get; init; }
}

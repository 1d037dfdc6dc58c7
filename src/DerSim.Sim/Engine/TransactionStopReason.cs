namespace DerSim.Sim.Engine;

/// <summary>Why a transaction ended, version-neutral; the messages map it to 1.6 Reason and 2.x ReasonEnumType.</summary>
public enum TransactionStopReason
{
    /// <summary>The EV left (it reached its target and was unplugged), or the cable was pulled at either end.</summary>
    EVDisconnected,

    /// <summary>The CSMS asked (1.6 RemoteStopTransaction, 2.x RequestStopTransaction).</summary>
    Remote,

    /// <summary>A hard reset (1.6 Reset Hard, 2.x Reset Immediate).</summary>
    HardReset,

    /// <summary>A soft reset (1.6 Reset Soft, 2.x Reset OnIdle).</summary>
    SoftReset,

    /// <summary>The CSMS refused the id token.</summary>
    DeAuthorized,

    /// <summary>Stopped at the station itself: the driver, or the simulation's <c>--duration</c> ran out (1.6 and 2.x Local).</summary>
    Local,

    /// <summary>2.x TxStopPoint EnergyTransfer: the driver's stop ended the energy flow (ChargingStateChanged to EVConnected, stoppedReason Local; E06.FR.07).</summary>
    EnergyTransferEnded,

    /// <summary>2.x TxStopPoint EnergyTransfer: the EV stopped drawing (ChargingStateChanged to SuspendedEV, stoppedReason StoppedByEV; E06.FR.07).</summary>
    StoppedByEV,

    /// <summary>2.x TxStopPoint ParkingBayOccupancy: the EV left the bay (EVDeparted, stoppedReason Local; E06.FR.01).</summary>
    EVDeparted,

    /// <summary>2.x: the EV was not plugged in within TxCtrlr.EVConnectionTimeOut of the authorisation (EVConnectTimeout, stoppedReason Timeout; E03).</summary>
    Timeout,

    /// <summary>1.6: the CSMS asked for the connector to be unlocked while the transaction ran (1.6 §5.18, Reason UnlockCommand).</summary>
    UnlockCommand,

    /// <summary>The station lost its power during the transaction and stops it once powered again (1.6 and 2.x PowerLoss).</summary>
    PowerLoss,

    /// <summary>OCPP 2.1 E16: the energy limit of the transaction was reached (EnergyLimitReached).</summary>
    EnergyLimitReached,

    /// <summary>OCPP 2.1 E16: the time limit of the transaction was reached (TimeLimitReached).</summary>
    TimeLimitReached,

    /// <summary>
    /// OCPP 2.1 E16: the cost limit of the transaction was reached, by the cost the station calculated from its tariff
    /// (triggerReason CostLimitReached).
    /// </summary>
    CostLimitReached,

    /// <summary>
    /// OCPP 2.1 E17: the station rebooted or lost power and the transaction could not be resumed within
    /// TxCtrlr.TxResumptionTimeout (stoppedReason PowerLoss after a power loss, ImmediateReset after a reset).
    /// </summary>
    NotResumed,
}

namespace DerSim.Sim.SmartCharging;

/// <summary>Why <see cref="ChargingProfileStore.Install"/> rejected a profile.</summary>
public enum ProfileRejection
{
    /// <summary>A TxProfile for an EVSE with no running transaction (K01.FR.09; 1.6 likewise).</summary>
    TxNotFound,

    /// <summary>A TxProfile naming a transaction other than the EVSE's (K01.FR.33), or none where 2.x requires one.</summary>
    TransactionMismatch,

    /// <summary>The purpose is not allowed on this EVSE (station max off EVSE 0, TxProfile on EVSE 0, unknown EVSE).</summary>
    InvalidEvse,

    /// <summary>The schedule is malformed: no periods, first not at 0, not ascending, bad startSchedule or recurrency.</summary>
    InvalidSchedule,

    /// <summary>validTo is not after validFrom.</summary>
    InvalidValidity,

    /// <summary>Another profile with the same purpose and stack level already applies in an overlapping window (2.x).</summary>
    DuplicateStackLevel,

    /// <summary>The CSMS may not install this purpose (ChargingStationExternalConstraints come from an external system).</summary>
    PurposeNotAllowed,

    /// <summary>2.1: a period asks for an operationMode the simulator does not simulate.</summary>
    UnsupportedOperationMode,

    /// <summary>2.1: a period's values contradict each other or its mode (setpoint above limit, negative limit while ChargingOnly, …).</summary>
    InconsistentPeriod,

    /// <summary>2.1 UpdateDynamicSchedule / PullDynamicScheduleUpdate: no Dynamic profile has the id.</summary>
    UnknownDynamicProfile,
}

namespace DerSim.Sim.SmartCharging;

/// <summary>What a charging profile limits, in one vocabulary for OCPP 1.6, 2.0.1 and 2.1.</summary>
public enum ChargingProfilePurpose
{
    /// <summary>The whole station's limit (1.6 ChargePointMaxProfile, 2.x ChargingStationMaxProfile); EVSE 0 only.</summary>
    ChargingStationMax,

    /// <summary>The default for transactions on an EVSE (or on every EVSE when installed on EVSE 0).</summary>
    TxDefault,

    /// <summary>The limit of one running transaction; overrides <see cref="TxDefault"/> while it is active.</summary>
    Tx,

    /// <summary>2.x: limits set by an external system (e.g. an EMS), not by the CSMS.</summary>
    ChargingStationExternalConstraints,

    /// <summary>2.1: the schedule used while priority charging is requested; kept, not applied to the limit.</summary>
    PriorityCharging,

    /// <summary>2.1: local generation behind the grid meter; kept, not applied to the limit.</summary>
    LocalGeneration,
}

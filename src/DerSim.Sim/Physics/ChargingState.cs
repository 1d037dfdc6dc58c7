namespace DerSim.Sim.Physics;

/// <summary>
/// An EVSE's charging state, named as OCPP 2.x ChargingStateEnumType; the 1.6 adapter maps it to
/// StatusNotification (Preparing, Charging, SuspendedEV, SuspendedEVSE, Available).
/// </summary>
public enum ChargingState
{
    /// <summary>No EV is plugged in.</summary>
    Idle,

    /// <summary>An EV is plugged in but no energy may flow yet (no authorised transaction).</summary>
    EVConnected,

    /// <summary>Energy flows (either way: V2G discharge is also reported as Charging).</summary>
    Charging,

    /// <summary>The station offers power but the EV takes none.</summary>
    SuspendedEV,

    /// <summary>The station offers nothing: limit 0, no supply, or the EV's target state of charge reached.</summary>
    SuspendedEVSE,
}

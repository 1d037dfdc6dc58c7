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

    /// <summary>The EV takes nothing of its own accord: paused, or at its target state of charge.</summary>
    SuspendedEV,

    /// <summary>The station offers nothing to an EV that wants energy: limit 0, an Idle mode, or no supply.</summary>
    SuspendedEVSE,
}

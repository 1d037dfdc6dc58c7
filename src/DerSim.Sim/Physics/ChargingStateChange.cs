namespace DerSim.Sim.Physics;

/// <summary>An EVSE changed charging state; a version adapter turns it into StatusNotification or a ChargingStateChanged TransactionEvent.</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="At">Simulated time of the change (the sub-step boundary at which it was found).</param>
/// <param name="TargetReached">Whether the EV had reached its target state of charge, i.e. the session may be stopped.</param>
public sealed record ChargingStateChange(int EvseId, ChargingState From, ChargingState To, DateTimeOffset At, bool TargetReached);

namespace DerSim.Sim.Physics;

/// <summary>
/// The charging-profile limit of an EVSE at a moment, in kW: <see langword="null"/> when nothing limits it,
/// 0 or more for a charging limit, below 0 for a discharge setpoint (V2G: the EV feeds back up to that many kW).
/// Smart charging supplies it; the physics asks it at every integration step.
/// </summary>
/// <param name="evseId">The EVSE.</param>
/// <param name="at">Simulated time.</param>
public delegate double? PowerLimitSource(int evseId, DateTimeOffset at);

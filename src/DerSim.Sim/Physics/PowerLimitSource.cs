namespace DerSim.Sim.Physics;

/// <summary>
/// The charging-profile limit of an EVSE at a moment, in kW: <see langword="null"/> when nothing limits it,
/// 0 or more for a charging limit, below 0 for a discharge setpoint (V2G: the EV feeds back up to that many kW).
/// Smart charging supplies it; the physics asks it at every integration step. EVSE id 0 asks for the station-wide
/// limit (a ChargingStationMaxProfile), which caps the sum over all EVSEs rather than each one.
/// </summary>
/// <param name="evseId">The EVSE, or 0 for the whole station.</param>
/// <param name="at">Simulated time.</param>
public delegate double? PowerLimitSource(int evseId, DateTimeOffset at);

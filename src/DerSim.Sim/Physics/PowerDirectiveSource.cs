namespace DerSim.Sim.Physics;

/// <summary>
/// The directive in force on an EVSE at a moment (null: nothing limits it, the EV charges at demand). Smart charging
/// supplies it; the physics asks it at every integration step. EVSE 0 asks for the station-wide limit: only its
/// <see cref="PowerDirective.LimitKw"/> is used, as a cap on the sum of all imports.
/// </summary>
/// <param name="evseId">The EVSE, or 0 for the whole station.</param>
/// <param name="at">Simulated time.</param>
public delegate PowerDirective? PowerDirectiveSource(int evseId, DateTimeOffset at);

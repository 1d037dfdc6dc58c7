namespace DerSim.Sim.StationModel;

/// <summary>The outcome of a change of availability.</summary>
/// <param name="Scheduled">True when a target has a session running and changes when it ends (answer Scheduled, not Accepted).</param>
/// <param name="Changed">The connectors whose status changed now, to be reported.</param>
public sealed record AvailabilityChangeResult(bool Scheduled, IReadOnlyList<StationConnector> Changed);

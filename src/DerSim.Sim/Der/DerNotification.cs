namespace DerSim.Sim.Der;

/// <summary>Something the station tells the CSMS about its DER controls.</summary>
/// <param name="At">Simulated time of the event.</param>
public abstract record DerNotification(DateTimeOffset At);

/// <summary>A scheduled control started or stopped (NotifyDERStartStop).</summary>
/// <param name="At">Simulated time of the event.</param>
/// <param name="ControlId">The control.</param>
/// <param name="Started">True when it started, false when it stopped.</param>
/// <param name="SupersededIds">The controls it superseded (on a start).</param>
public sealed record DerStartStop(DateTimeOffset At, string ControlId, bool Started, IReadOnlyList<string> SupersededIds) : DerNotification(At);

/// <summary>The grid crossed a trip or cessation setting, or returned from beyond it (NotifyDERAlarm).</summary>
/// <param name="At">Simulated time of the event.</param>
/// <param name="ControlType">The curve whose setting was crossed.</param>
/// <param name="Fault">The grid event.</param>
/// <param name="Ended">True when the grid returned within the setting.</param>
public sealed record DerAlarm(DateTimeOffset At, DerControlType ControlType, DerGridFault Fault, bool Ended) : DerNotification(At);

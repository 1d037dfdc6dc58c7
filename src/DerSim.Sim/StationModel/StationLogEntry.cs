namespace DerSim.Sim.StationModel;

/// <summary>One line of a station log.</summary>
/// <param name="At">When it happened, on the station's clock.</param>
/// <param name="Kind">The log it belongs to.</param>
/// <param name="Text">What happened, e.g. <c>sent CALL BootNotification</c> or <c>StartupOfTheDevice</c>.</param>
public sealed record StationLogEntry(DateTimeOffset At, StationLogKind Kind, string Text);

namespace DerSim.Sim.Der;

/// <summary>
/// The settings of one DER control. <see cref="StartTime"/> and <see cref="Duration"/> place a scheduled control in
/// simulated time; a default control has neither and applies whenever no scheduled control of its type does.
/// </summary>
/// <param name="Priority">0 is the highest; a lower number wins over a higher one, as in OCPP.</param>
public abstract record DerSetting(int Priority)
{
    /// <summary>When a scheduled control starts; null for a default control.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>How long a scheduled control lasts; null: until cleared.</summary>
    public TimeSpan? Duration { get; init; }
}

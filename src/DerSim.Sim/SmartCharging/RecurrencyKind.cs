namespace DerSim.Sim.SmartCharging;

/// <summary>How often a <see cref="ChargingProfileKind.Recurring"/> schedule repeats.</summary>
public enum RecurrencyKind
{
    /// <summary>Every 24 hours from <c>StartSchedule</c>.</summary>
    Daily,

    /// <summary>Every 7 days from <c>StartSchedule</c>.</summary>
    Weekly,
}

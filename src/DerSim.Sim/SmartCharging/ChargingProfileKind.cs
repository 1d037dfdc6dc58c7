namespace DerSim.Sim.SmartCharging;

/// <summary>How a schedule's start point is found.</summary>
public enum ChargingProfileKind
{
    /// <summary>Periods count from the schedule's fixed <c>StartSchedule</c>.</summary>
    Absolute,

    /// <summary>Periods count from <c>StartSchedule</c>, repeated every day or week.</summary>
    Recurring,

    /// <summary>Periods count from the start of the transaction.</summary>
    Relative,

    /// <summary>2.1: a single-period schedule whose limit the CSMS updates in place; evaluated like <see cref="Absolute"/>.</summary>
    Dynamic,
}

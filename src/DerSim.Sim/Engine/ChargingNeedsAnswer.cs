namespace DerSim.Sim.Engine;

/// <summary>The CSMS's answer to NotifyEVChargingNeeds, or why there is none.</summary>
public enum ChargingNeedsAnswer
{
    /// <summary>Accepted: a schedule will follow.</summary>
    Accepted,

    /// <summary>Processing: a schedule will follow later.</summary>
    Processing,

    /// <summary>Rejected: the CSMS does not accept the needs; the EV falls back to charging only.</summary>
    Rejected,

    /// <summary>NoChargingProfile: accepted, but no schedule will follow.</summary>
    NoChargingProfile,

    /// <summary>Not sent (the version has no such message) or not answered (offline, error, timeout).</summary>
    NotSent,
}

namespace DerSim.Sim.SmartCharging;

/// <summary>The outcome of clearing profiles: some matched and were removed, or none matched.</summary>
public enum ProfileClearStatus
{
    /// <summary>At least one profile was removed.</summary>
    Accepted,

    /// <summary>No profile matched.</summary>
    Unknown,
}

namespace DerSim.Sim.SmartCharging;

/// <summary>The unit of a schedule's limits.</summary>
public enum ChargingRateUnit
{
    /// <summary>Amperes (per phase on AC).</summary>
    A,

    /// <summary>Watts.</summary>
    W,
}

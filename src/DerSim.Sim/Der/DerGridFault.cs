namespace DerSim.Sim.Der;

/// <summary>The grid events a trip or cessation curve reports.</summary>
public enum DerGridFault
{
    /// <summary>Voltage above a high-voltage setting.</summary>
    OverVoltage,

    /// <summary>Voltage below a low-voltage setting.</summary>
    UnderVoltage,

    /// <summary>Frequency above a high-frequency setting.</summary>
    OverFrequency,

    /// <summary>Frequency below a low-frequency setting.</summary>
    UnderFrequency,
}

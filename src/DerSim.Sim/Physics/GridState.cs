namespace DerSim.Sim.Physics;

/// <summary>The grid at the station's point of connection at one moment.</summary>
/// <param name="VoltageV">Phase-to-neutral voltage, V.</param>
/// <param name="FrequencyHz">Frequency, Hz.</param>
/// <param name="NominalVoltageV">The nominal voltage the percentages refer to, V.</param>
/// <param name="NominalFrequencyHz">The nominal frequency, Hz.</param>
public sealed record GridState(double VoltageV, double FrequencyHz, double NominalVoltageV, double NominalFrequencyHz)
{
    /// <summary>The voltage in percent of nominal (the x axis of volt-var and volt-watt curves).</summary>
    public double VoltagePercent => VoltageV / NominalVoltageV * 100;
}

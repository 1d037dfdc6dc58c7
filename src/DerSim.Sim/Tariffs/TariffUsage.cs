namespace DerSim.Sim.Tariffs;

/// <summary>What a transaction used so far, the quantities a tariff prices (OCPP 2.1 TotalUsageType).</summary>
/// <param name="EnergyWh">The energy taken from the EVSE since the transaction started, in Wh.</param>
/// <param name="ChargingTime">The time energy flowed.</param>
/// <param name="IdleTime">The time of the transaction in which no energy flowed.</param>
public readonly record struct TariffUsage(double EnergyWh, TimeSpan ChargingTime, TimeSpan IdleTime)
{
    /// <summary>The whole duration: charging and idle time together.</summary>
    public TimeSpan Duration => ChargingTime + IdleTime;
}

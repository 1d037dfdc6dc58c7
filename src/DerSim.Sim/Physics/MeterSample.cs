namespace DerSim.Sim.Physics;

/// <summary>The readings of one EVSE at one moment (one OCPP MeterValue).</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="Timestamp">Simulated time of the sample.</param>
/// <param name="Readings">The values, in the order of the configured measurands.</param>
public sealed record MeterSample(int EvseId, DateTimeOffset Timestamp, IReadOnlyList<MeterReading> Readings)
{
    /// <summary>The readings of <paramref name="measurand"/> (several for per-phase AC values).</summary>
    public IEnumerable<MeterReading> Of(string measurand) => Readings.Where(r => r.Measurand == measurand);
}

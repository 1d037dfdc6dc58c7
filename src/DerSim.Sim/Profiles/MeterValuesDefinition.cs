namespace DerSim.Sim.Profiles;

/// <summary>Metering configuration: how often and what the station samples.</summary>
/// <param name="SampleIntervalSeconds">Sampling interval in seconds.</param>
/// <param name="Measurands">Measurand names as OCPP spells them (e.g. <c>Power.Offered</c>).</param>
public sealed record MeterValuesDefinition(int SampleIntervalSeconds, IReadOnlyList<string> Measurands);

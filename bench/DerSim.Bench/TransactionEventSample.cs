using DerSim.Ocpp.V21;

namespace DerSim.Bench;

/// <summary>
/// The benchmark payload: a periodic meter-value TransactionEvent of a three-phase AC session, as a station sends
/// it every sample interval while charging (the most frequent station-to-CSMS CALL in a long run).
/// </summary>
public static class TransactionEventSample
{
    private static readonly DateTimeOffset SampledAt = new(2026, 11, 25, 14, 30, 15, TimeSpan.Zero);

    /// <summary>The typed request.</summary>
    public static TransactionEventRequest Create()
    {
        // Context (Sample.Periodic) and location (Outlet) are left at their defaults, as most stations do.
        SampledValueType Sample(decimal value, MeasurandEnumType measurand, string? unit, PhaseEnumType? phase = null) =>
            new(value) { Measurand = measurand, Phase = phase, UnitOfMeasure = unit is null ? null : new UnitOfMeasureType { Unit = unit } };

        SampledValueType[] samples =
        [
            Sample(12345.67m, MeasurandEnumType.EnergyActiveImportRegister, null),
            Sample(10980.5m, MeasurandEnumType.PowerActiveImport, "W"),
            Sample(11000m, MeasurandEnumType.PowerOffered, "W"),
            Sample(15.9m, MeasurandEnumType.CurrentImport, "A", PhaseEnumType.L1),
            Sample(15.8m, MeasurandEnumType.CurrentImport, "A", PhaseEnumType.L2),
            Sample(15.9m, MeasurandEnumType.CurrentImport, "A", PhaseEnumType.L3),
            Sample(230.4m, MeasurandEnumType.Voltage, "V", PhaseEnumType.L1N),
            Sample(57m, MeasurandEnumType.SoC, "Percent") with { Location = LocationEnumType.EV },
        ];

        return new TransactionEventRequest(
            TransactionEventEnumType.Updated,
            SampledAt,
            TriggerReasonEnumType.MeterValuePeriodic,
            SeqNo: 17,
            new TransactionType("8f2c51e4-3a5b-4c4e-9d1a-6b7e0f3c2d19") { ChargingState = ChargingStateEnumType.Charging, TimeSpentCharging = 1815 })
        {
            Evse = new EVSEType(1) { ConnectorId = 1 },
            MeterValue = [new MeterValueType(samples, SampledAt)],
        };
    }
}

using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>GetCompositeSchedule of an EVSE (0: the whole station) for a duration, in W or A.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id); 0 for the station.</param>
/// <param name="DurationSeconds">The schedule's length in seconds.</param>
public sealed record GetCompositeScheduleCommand(string StationId, OcppVersion Version, int EvseId, int DurationSeconds) : CsmsCommand(StationId, Version)
{
    /// <summary>The unit the schedule is asked in: W or A. The default value is W.</summary>
    public string Unit { get; init; } = "W";

    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetCompositeSchedule;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "GetCompositeSchedule";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.GetCompositeScheduleRequest(EvseId, DurationSeconds) { ChargingRateUnit = Wire<V16.ChargingRateUnit>(Unit, "charging rate unit") }
        : new Ocpp2.GetCompositeScheduleRequest(DurationSeconds, EvseId) { ChargingRateUnit = Wire<Ocpp2.ChargingRateUnitEnumType>(Unit, "charging rate unit") };
}

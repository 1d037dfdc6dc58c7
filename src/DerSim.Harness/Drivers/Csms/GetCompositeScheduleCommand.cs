using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>GetCompositeSchedule of an EVSE for a duration, in W.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id).</param>
/// <param name="DurationSeconds">The schedule's length in seconds.</param>
public sealed record GetCompositeScheduleCommand(string StationId, OcppVersion Version, int EvseId, int DurationSeconds) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetCompositeSchedule;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "GetCompositeSchedule";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.GetCompositeScheduleRequest(EvseId, DurationSeconds) { ChargingRateUnit = V16.ChargingRateUnit.W }
        : new Ocpp2.GetCompositeScheduleRequest(DurationSeconds, EvseId) { ChargingRateUnit = Ocpp2.ChargingRateUnitEnumType.W };
}

using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// 2.1 UpdateDynamicSchedule: new values (in W) for the one period of a Dynamic charging profile the CSMS installed,
/// pushed by the CSMS. Not applicable on 1.6 and 2.0.1.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="ChargingProfileId">The Dynamic profile, by the id the CSMS gave it.</param>
/// <param name="SetpointW">The new setpoint in W (negative: discharge).</param>
/// <param name="LimitW">The new (charge) limit in W.</param>
/// <param name="DischargeLimitW">The new discharge limit in W (0 or negative).</param>
public sealed record UpdateDynamicScheduleCommand(string StationId, OcppVersion Version, int ChargingProfileId, decimal? SetpointW = null, decimal? LimitW = null, decimal? DischargeLimitW = null)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.UpdateDynamicSchedule;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "UpdateDynamicSchedule";

    /// <inheritdoc />
    protected override object Request() => new Ocpp2.UpdateDynamicScheduleRequest(
        ChargingProfileId,
        new Ocpp2.ChargingScheduleUpdateType { Setpoint = SetpointW, Limit = LimitW, DischargeLimit = DischargeLimitW });
}

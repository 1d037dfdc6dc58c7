using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// 2.1 SetChargingProfile: a Dynamic TxProfile for a transaction, one period with an operationMode and its setpoint,
/// limit and discharge limit in W, whose values change while it stays installed: pushed by the CSMS
/// (UpdateDynamicSchedule) or, with dynUpdateInterval, pulled by the station (PullDynamicScheduleUpdate). Not
/// applicable on 1.6 and 2.0.1.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE.</param>
/// <param name="TransactionId">The transaction, as the station reported it.</param>
/// <param name="OperationMode">The period's operationMode (CentralSetpoint, …).</param>
/// <param name="SetpointW">The period's setpoint in W (negative: discharge).</param>
/// <param name="LimitW">The period's (charge) limit in W.</param>
/// <param name="DischargeLimitW">The period's discharge limit in W (0 or negative).</param>
/// <param name="DynUpdateIntervalS">dynUpdateInterval in s: the station pulls new values that often; absent, the CSMS pushes them.</param>
/// <param name="ProfileId">The charging profile id.</param>
public sealed record SetV2xDynamicProfileCommand(string StationId, OcppVersion Version, int EvseId, string TransactionId, string OperationMode, decimal? SetpointW = null, decimal? LimitW = null, decimal? DischargeLimitW = null, int? DynUpdateIntervalS = null, int ProfileId = 1)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetChargingProfile;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <summary>The ids and the stack level, which the Q cases leave to the CSMS (as <see cref="SetV2xProfileCommand"/>).</summary>
    public override IReadOnlyCollection<string> ChosenByCsms => ["chargingProfile.id", "chargingProfile.stackLevel", "chargingProfile.chargingSchedule[0].id"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "SetChargingProfile";

    /// <inheritdoc />
    protected override object Request()
    {
        var request = SetV2xProfileCommand.TxProfile(EvseId, TransactionId, ProfileId, new Ocpp2.ChargingSchedulePeriodType(0)
        {
            Limit = LimitW,
            DischargeLimit = DischargeLimitW,
            Setpoint = SetpointW,
            OperationMode = Wire<Ocpp2.OperationModeEnumType>(OperationMode, "operation mode"),
        });
        return request with
        {
            ChargingProfile = request.ChargingProfile with
            {
                ChargingProfileKind = Ocpp2.ChargingProfileKindEnumType.Dynamic,
                DynUpdateInterval = DynUpdateIntervalS,
            },
        };
    }
}

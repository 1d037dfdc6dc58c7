using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// 2.1 SetChargingProfile: a TxProfile for a transaction whose one period carries an operationMode and, as given, a
/// setpoint, a (charge) limit and a discharge limit, all in W. Not applicable on 1.6 and 2.0.1.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE.</param>
/// <param name="TransactionId">The transaction, as the station reported it.</param>
/// <param name="OperationMode">The period's operationMode (ChargingOnly, CentralSetpoint, ExternalLimits, Idle, …).</param>
/// <param name="SetpointW">The period's setpoint in W (negative: discharge).</param>
/// <param name="LimitW">The period's (charge) limit in W.</param>
/// <param name="DischargeLimitW">The period's discharge limit in W (0 or negative).</param>
/// <param name="ProfileId">The charging profile id.</param>
public sealed record SetV2xProfileCommand(string StationId, OcppVersion Version, int EvseId, string TransactionId, string OperationMode, decimal? SetpointW = null, decimal? LimitW = null, decimal? DischargeLimitW = null, int ProfileId = 1)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetChargingProfile;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <summary>
    /// The profile's and schedule's ids and its stack level: the V2X cases (Q, K_101) ask for a TxProfile with an
    /// operationMode and its values, and leave how the CSMS numbers and stacks its profiles to it.
    /// </summary>
    public override IReadOnlyCollection<string> ChosenByCsms => ["chargingProfile.id", "chargingProfile.stackLevel", "chargingProfile.chargingSchedule[0].id"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "SetChargingProfile";

    /// <inheritdoc />
    protected override object Request() => TxProfile(EvseId, TransactionId, ProfileId, new Ocpp2.ChargingSchedulePeriodType(0)
    {
        // A 2.1 V2X period: limit is optional there, and a setpoint or discharge limit says the rest.
        Limit = LimitW,
        DischargeLimit = DischargeLimitW,
        Setpoint = SetpointW,
        OperationMode = Wire<Ocpp2.OperationModeEnumType>(OperationMode, "operation mode"),
    });

    /// <summary>The 2.1 request of a V2X TxProfile whose one schedule has the one period <paramref name="period"/>, in W.</summary>
    internal static Ocpp2.SetChargingProfileRequest TxProfile(int evseId, string transactionId, int profileId, Ocpp2.ChargingSchedulePeriodType period) =>
        new(
            evseId,
            new Ocpp2.ChargingProfileType(
                profileId,
                0,
                Ocpp2.ChargingProfilePurposeEnumType.TxProfile,
                Ocpp2.ChargingProfileKindEnumType.Relative,
                [new Ocpp2.ChargingScheduleType(1, Ocpp2.ChargingRateUnitEnumType.W, [period])])
            {
                TransactionId = transactionId,
            });
}

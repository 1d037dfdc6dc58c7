using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// RemoteStartTransaction (1.6) / RequestStartTransaction (2.x) on an EVSE for a token, optionally with a TxProfile
/// for the transaction it starts (OCPP 2.0.1 F01.FR.08: purpose TxProfile, no transactionId; one relative period).
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id).</param>
/// <param name="IdTag">The id token.</param>
/// <param name="IdTagType">The 2.x type of <paramref name="IdTag"/>; null for the type its text fits.</param>
/// <param name="TxProfileLimitW">The power limit (W) of a TxProfile sent with the request; null for none.</param>
public sealed record RemoteStartCommand(string StationId, OcppVersion Version, int EvseId, string IdTag, string? IdTagType = null, decimal? TxProfileLimitW = null)
    : CsmsCommand(StationId, Version)
{
    /// <summary>The charging profile id asked for the TxProfile (the CSMS numbers its own; see <see cref="ChosenByCsms"/>).</summary>
    public const int TxProfileId = 1;

    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.RemoteStart;

    /// <summary>The 2.x type of <see cref="IdTag"/>: as given, else the type its text fits.</summary>
    public string IdTokenType => IdTagType ?? IdTokenTypes.Fitting(IdTag);

    /// <summary>
    /// The remoteStartId (2.x) and the ids of a TxProfile's profile and schedule: the CSMS numbers them itself; the
    /// TransactionEvent the request causes echoes the remoteStartId the CSMS chose.
    /// </summary>
    public override IReadOnlyCollection<string> ChosenByCsms => ["remoteStartId", "chargingProfile.id", "chargingProfile.chargingProfileId", "chargingProfile.chargingSchedule[0].id"];

    /// <summary>With a TxProfile, a remote-start template that does not send it (neither {txProfileLimitW} nor {payload}) cannot ask for this.</summary>
    public override IReadOnlyCollection<string> TemplateMustName => TxProfileLimitW is null ? [] : ["txProfileLimitW"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "RemoteStartTransaction" : "RequestStartTransaction";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.RemoteStartTransactionRequest(IdTag)
        {
            ConnectorId = EvseId,
            ChargingProfile = TxProfileLimitW is { } limit16
                ? new V16.ChargingProfile(TxProfileId, 0, V16.ChargingProfilePurpose.TxProfile, V16.ChargingProfileKind.Relative,
                    new V16.ChargingSchedule(V16.ChargingRateUnit.W, [new V16.ChargingSchedulePeriod(0, limit16)]))
                : null,
        }
        : new Ocpp2.RequestStartTransactionRequest(new Ocpp2.IdTokenType(IdTag, IdTokenType), 1)
        {
            EvseId = EvseId,
            ChargingProfile = TxProfileLimitW is { } limit
                ? new Ocpp2.ChargingProfileType(TxProfileId, 0, Ocpp2.ChargingProfilePurposeEnumType.TxProfile, Ocpp2.ChargingProfileKindEnumType.Relative,
                    [new Ocpp2.ChargingScheduleType(1, Ocpp2.ChargingRateUnitEnumType.W, [new Ocpp2.ChargingSchedulePeriodType(0) { Limit = limit }])])
                : null,
        };
}

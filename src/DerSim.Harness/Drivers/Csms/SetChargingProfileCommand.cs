using System.Globalization;
using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>SetChargingProfile: a TxProfile or TxDefaultProfile limiting an EVSE to a power (W) or current (A), on every version.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="Purpose">TxProfile or TxDefaultProfile.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id).</param>
/// <param name="LimitW">The limit in W; null for a limit in A.</param>
/// <param name="LimitA">The limit in A, when <paramref name="LimitW"/> is null.</param>
/// <param name="TransactionId">The transaction a TxProfile is for, as the station reported it.</param>
/// <param name="ProfileId">The charging profile id.</param>
public sealed record SetChargingProfileCommand(string StationId, OcppVersion Version, string Purpose, int EvseId, decimal? LimitW, decimal? LimitA = null, string? TransactionId = null, int ProfileId = 1)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetChargingProfile;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "SetChargingProfile";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.SetChargingProfileRequest(
            EvseId,
            new V16.ChargingProfile(
                ProfileId,
                0,
                Wire<V16.ChargingProfilePurpose>(Purpose, "charging profile purpose"),
                V16.ChargingProfileKind.Relative,
                new V16.ChargingSchedule(LimitW is null ? V16.ChargingRateUnit.A : V16.ChargingRateUnit.W, [new V16.ChargingSchedulePeriod(0, LimitW ?? LimitA ?? 0)]))
            {
                TransactionId = Purpose == "TxProfile" && TransactionId is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null,
            })
        : new Ocpp2.SetChargingProfileRequest(
            EvseId,
            new Ocpp2.ChargingProfileType(
                ProfileId,
                0,
                Wire<Ocpp2.ChargingProfilePurposeEnumType>(Purpose, "charging profile purpose"),
                Ocpp2.ChargingProfileKindEnumType.Relative,
                [new Ocpp2.ChargingScheduleType(
                    1,
                    LimitW is null ? Ocpp2.ChargingRateUnitEnumType.A : Ocpp2.ChargingRateUnitEnumType.W,
                    [new Ocpp2.ChargingSchedulePeriodType(0) { Limit = LimitW ?? LimitA ?? 0 }])])
            {
                TransactionId = Purpose == "TxProfile" ? TransactionId : null,
            });
}

using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// OCPP 2.x GetChargingProfiles: the station reports the installed profiles the criteria select in
/// ReportChargingProfiles messages carrying the request id (2.0.1 K09). The criteria are a list of profile ids, or one
/// or more of purpose, stack level and limit source (K09.FR.03).
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE (0: the station's own profiles); null for every EVSE.</param>
public sealed record GetChargingProfilesCommand(string StationId, OcppVersion Version, int? EvseId = null) : CsmsCommand(StationId, Version)
{
    /// <summary>The request id; the CSMS numbers its requests itself. The default value is 1.</summary>
    public int RequestId { get; init; } = 1;

    /// <summary>Only profiles of this purpose. The default value is none.</summary>
    public string? Purpose { get; init; }

    /// <summary>Only profiles at this stack level. The default value is none.</summary>
    public int? StackLevel { get; init; }

    /// <summary>Only profiles with these ids. The default value is none.</summary>
    public IReadOnlyList<int>? ProfileIds { get; init; }

    /// <summary>Only profiles from these sources (EMS, CSO, SO, Other). The default value is none.</summary>
    public IReadOnlyList<string>? Sources { get; init; }

    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetChargingProfiles;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> ChosenByCsms => ["requestId"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? null : "GetChargingProfiles";

    /// <inheritdoc />
    protected override object Request() =>
        new Ocpp2.GetChargingProfilesRequest(
            RequestId,
            new Ocpp2.ChargingProfileCriterionType
            {
                ChargingProfilePurpose = Purpose is { } purpose ? Wire<Ocpp2.ChargingProfilePurposeEnumType>(purpose, "charging profile purpose") : null,
                StackLevel = StackLevel,
                ChargingProfileId = ProfileIds,
                ChargingLimitSource = Sources,
            })
        {
            EvseId = EvseId,
        };
}

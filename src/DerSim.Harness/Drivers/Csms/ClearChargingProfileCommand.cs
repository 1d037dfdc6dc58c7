using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// ClearChargingProfile of every profile, of one EVSE's, of one profile by its id, or of the profiles an EVSE, purpose
/// and stack level select (2.0.1 K10.FR.02: an id, or one or more criteria).
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id); null for every profile.</param>
public sealed record ClearChargingProfileCommand(string StationId, OcppVersion Version, int? EvseId = null) : CsmsCommand(StationId, Version)
{
    /// <summary>The id of the one profile to clear; the criteria are then left out. The default value is none.</summary>
    public int? ProfileId { get; init; }

    /// <summary>Only profiles of this purpose (criteria). The default value is none.</summary>
    public string? Purpose { get; init; }

    /// <summary>Only profiles at this stack level (criteria). The default value is none.</summary>
    public int? StackLevel { get; init; }

    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.ClearChargingProfile;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "ClearChargingProfile";

    /// <inheritdoc />
    protected override object Request()
    {
        if (Version == OcppVersion.V16)
        {
            return new V16.ClearChargingProfileRequest
            {
                Id = ProfileId,
                ConnectorId = ProfileId is null ? EvseId : null,
                ChargingProfilePurpose = ProfileId is null && Purpose is { } p ? Wire<V16.ChargingProfilePurpose>(p, "charging profile purpose") : null,
                StackLevel = ProfileId is null ? StackLevel : null,
            };
        }

        if (ProfileId is { } id)
        {
            return new Ocpp2.ClearChargingProfileRequest { ChargingProfileId = id };
        }

        return new Ocpp2.ClearChargingProfileRequest
        {
            ChargingProfileCriteria = EvseId is null && Purpose is null && StackLevel is null
                ? null
                : new Ocpp2.ClearChargingProfileType
                {
                    EvseId = EvseId,
                    ChargingProfilePurpose = Purpose is { } purpose ? Wire<Ocpp2.ChargingProfilePurposeEnumType>(purpose, "charging profile purpose") : null,
                    StackLevel = StackLevel,
                },
        };
    }
}

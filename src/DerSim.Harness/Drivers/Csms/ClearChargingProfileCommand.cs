using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>ClearChargingProfile of every profile, or of one EVSE's.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id); null for every profile.</param>
public sealed record ClearChargingProfileCommand(string StationId, OcppVersion Version, int? EvseId = null) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.ClearChargingProfile;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "ClearChargingProfile";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.ClearChargingProfileRequest { ConnectorId = EvseId }
        : new Ocpp2.ClearChargingProfileRequest { ChargingProfileCriteria = EvseId is { } evse ? new Ocpp2.ClearChargingProfileType { EvseId = evse } : null };
}

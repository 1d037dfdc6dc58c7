using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>ChangeAvailability of an EVSE (0: the station), or of one connector of an EVSE, to Operative or Inoperative.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id); 0 for the whole station.</param>
/// <param name="OperationalStatus">Operative or Inoperative.</param>
/// <param name="ConnectorId">2.x: one connector of the EVSE (evse.connectorId); null for the whole EVSE. 1.6 names the connector by <paramref name="EvseId"/>.</param>
public sealed record ChangeAvailabilityCommand(string StationId, OcppVersion Version, int EvseId, string OperationalStatus, int? ConnectorId = null) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.ChangeAvailability;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "ChangeAvailability";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.ChangeAvailabilityRequest(EvseId, Wire<V16.ChangeAvailabilityType>(OperationalStatus, "availability type"))
        : new Ocpp2.ChangeAvailabilityRequest(Wire<Ocpp2.OperationalStatusEnumType>(OperationalStatus, "operational status"))
        {
            Evse = EvseId > 0 ? new Ocpp2.EVSEType(EvseId) { ConnectorId = ConnectorId } : null,
        };
}

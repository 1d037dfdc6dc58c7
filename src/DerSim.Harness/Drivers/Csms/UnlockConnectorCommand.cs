using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>UnlockConnector of a connector of an EVSE (1.6 addresses the EVSE's connector by the EVSE id).</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id).</param>
/// <param name="ConnectorId">The connector within the EVSE (2.x).</param>
public sealed record UnlockConnectorCommand(string StationId, OcppVersion Version, int EvseId, int ConnectorId) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.UnlockConnector;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "UnlockConnector";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.UnlockConnectorRequest(EvseId)
        : new Ocpp2.UnlockConnectorRequest(EvseId, ConnectorId);
}

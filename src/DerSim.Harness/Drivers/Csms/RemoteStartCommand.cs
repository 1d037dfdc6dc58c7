using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>RemoteStartTransaction (1.6) / RequestStartTransaction (2.x) on an EVSE for a token.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE (1.6: its connector id).</param>
/// <param name="IdTag">The id token.</param>
/// <param name="IdTagType">The 2.x type of <paramref name="IdTag"/>; null for the type its text fits.</param>
public sealed record RemoteStartCommand(string StationId, OcppVersion Version, int EvseId, string IdTag, string? IdTagType = null) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.RemoteStart;

    /// <summary>The 2.x type of <see cref="IdTag"/>: as given, else the type its text fits.</summary>
    public string IdTokenType => IdTagType ?? IdTokenTypes.Fitting(IdTag);

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "RemoteStartTransaction" : "RequestStartTransaction";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.RemoteStartTransactionRequest(IdTag) { ConnectorId = EvseId }
        : new Ocpp2.RequestStartTransactionRequest(new Ocpp2.IdTokenType(IdTag, IdTokenType), 1) { EvseId = EvseId };
}

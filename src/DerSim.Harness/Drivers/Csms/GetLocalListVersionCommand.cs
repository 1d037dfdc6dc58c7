using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>GetLocalListVersion (1.6 §5.10): the version of the station's local authorization list. The request has no fields.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version (1.6 only).</param>
public sealed record GetLocalListVersionCommand(string StationId, OcppVersion Version) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetLocalListVersion;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "GetLocalListVersion" : null;

    /// <inheritdoc />
    protected override object Request() => new V16.GetLocalListVersionRequest();
}

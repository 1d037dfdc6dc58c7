using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>ClearCache: the station empties its authorization cache (1.6 §5.4, 2.0.1 C11). The request has no fields.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
public sealed record ClearCacheCommand(string StationId, OcppVersion Version) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.ClearCache;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "ClearCache";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.ClearCacheRequest()
        : new Ocpp2.ClearCacheRequest();
}

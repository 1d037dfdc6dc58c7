using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>GetConfiguration (1.6 only) of one key, or of every key.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="Key">The configuration key; null for every key.</param>
public sealed record GetConfigurationCommand(string StationId, OcppVersion Version, string? Key = null) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetConfiguration;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "GetConfiguration" : null;

    /// <inheritdoc />
    protected override object Request() => new V16.GetConfigurationRequest { Key = Key is { } key ? [key] : null };
}

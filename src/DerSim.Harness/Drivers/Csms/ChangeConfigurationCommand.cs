using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>ChangeConfiguration (1.6 only) of one key.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="Key">The configuration key.</param>
/// <param name="Value">The value to set.</param>
/// <param name="ValueChosenByCsms">Whether the CSMS picks the value itself (a new AuthorizationKey): only the key is compared.</param>
public sealed record ChangeConfigurationCommand(string StationId, OcppVersion Version, string Key, string Value, bool ValueChosenByCsms = false) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<string> ChosenByCsms => ValueChosenByCsms ? ["value"] : [];

    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.ChangeConfiguration;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "ChangeConfiguration" : null;

    /// <inheritdoc />
    protected override object Request() => new V16.ChangeConfigurationRequest(Key, Value);
}

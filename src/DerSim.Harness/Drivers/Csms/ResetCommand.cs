using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>Reset: Soft or Hard (1.6), sent to 2.x as OnIdle or Immediate.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="ResetType">Soft or Hard; any other text goes to the version as it is.</param>
public sealed record ResetCommand(string StationId, OcppVersion Version, string ResetType) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.Reset;

    /// <summary>The reset type in the station's version: 2.x OnIdle for Soft, Immediate for Hard (others as given).</summary>
    public string VersionResetType => Version == OcppVersion.V16 ? ResetType : ResetType switch
    {
        "Soft" => "OnIdle",
        "Hard" => "Immediate",
        var other => other,
    };

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "Reset";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.ResetRequest(Wire<V16.ResetType>(VersionResetType, "reset type"))
        : new Ocpp2.ResetRequest(Wire<Ocpp2.ResetEnumType>(VersionResetType, "reset type"));
}

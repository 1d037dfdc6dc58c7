using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>2.1 ClearDERControl of the default (or scheduled) controls matching the criteria given. Not applicable before 2.1.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="IsDefault">Default (true) or scheduled (false) controls.</param>
/// <param name="ControlType">The control type to select, or null.</param>
/// <param name="ControlId">The control id to select, or null.</param>
public sealed record ClearDerControlCommand(string StationId, OcppVersion Version, bool IsDefault, string? ControlType = null, string? ControlId = null)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.ClearDERControl;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "ClearDERControl";

    /// <inheritdoc />
    protected override object Request() => new Ocpp2.ClearDERControlRequest(IsDefault)
    {
        ControlType = ControlType is { } type ? DerControlPayloads.ControlType(type) : null,
        ControlId = ControlId,
    };
}

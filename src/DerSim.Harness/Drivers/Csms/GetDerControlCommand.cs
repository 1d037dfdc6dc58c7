using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// 2.1 GetDERControl: every control, or those matching the criteria given; the answer is followed by ReportDERControl.
/// Not applicable before 2.1.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="IsDefault">Default (true) or scheduled (false) controls only; null for both.</param>
/// <param name="ControlType">The control type to select, or null.</param>
/// <param name="ControlId">The control id to select, or null.</param>
/// <param name="RequestId">The requestId the ReportDERControl messages carry.</param>
public sealed record GetDerControlCommand(string StationId, OcppVersion Version, bool? IsDefault = null, string? ControlType = null, string? ControlId = null, int RequestId = 1)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetDERControl;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <summary>The requestId: the CSMS numbers its requests itself (R_107 reads the controls back under any id).</summary>
    public override IReadOnlyCollection<string> ChosenByCsms => ["requestId"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "GetDERControl";

    /// <inheritdoc />
    protected override object Request() => new Ocpp2.GetDERControlRequest(RequestId)
    {
        IsDefault = IsDefault,
        ControlType = ControlType is { } type ? DerControlPayloads.ControlType(type) : null,
        ControlId = ControlId,
    };
}

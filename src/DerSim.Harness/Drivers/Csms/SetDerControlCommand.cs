using DerSim.Ocpp;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>2.1 SetDERControl of one control (<see cref="DerControlPayloads.Set"/>). Not applicable before 2.1.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="Control">The control, in its own terms.</param>
public sealed record SetDerControlCommand(string StationId, OcppVersion Version, DerControlSpec Control) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetDERControl;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "SetDERControl";

    /// <inheritdoc />
    protected override object Request() => DerControlPayloads.Set(Control);
}

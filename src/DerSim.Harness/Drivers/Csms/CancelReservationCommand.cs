using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>CancelReservation (1.6 §5.3) of a reservation by the id the CSMS gave it.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version (1.6 only).</param>
/// <param name="ReservationId">The reservation.</param>
public sealed record CancelReservationCommand(string StationId, OcppVersion Version, int ReservationId) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.CancelReservation;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "CancelReservation" : null;

    /// <inheritdoc />
    protected override object Request() => new V16.CancelReservationRequest(ReservationId);
}

using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// ReserveNow (1.6 §5.13): a connector (0: any connector of the charge point) kept for a token, and the tokens of its
/// parentIdTag, until the expiry date. The CSMS numbers the reservation and stamps the expiry by its own clock
/// (<see cref="ChosenByCsms"/>); a case checks them as such.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version (1.6 only).</param>
/// <param name="ConnectorId">The connector; 0 for the charge point.</param>
/// <param name="ExpiryDate">When the reservation ends, as asked.</param>
/// <param name="IdTag">The token it is for.</param>
/// <param name="ReservationId">The reservation id asked for.</param>
/// <param name="ParentIdTag">The group whose tokens may use it too; null for none.</param>
public sealed record ReserveNowCommand(string StationId, OcppVersion Version, int ConnectorId, DateTimeOffset ExpiryDate, string IdTag, int ReservationId, string? ParentIdTag = null)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.ReserveNow;

    /// <summary>The CSMS numbers its reservations and sets the expiry by its clock.</summary>
    public override IReadOnlyCollection<string> ChosenByCsms => ["reservationId", "expiryDate"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "ReserveNow" : null;

    /// <inheritdoc />
    protected override object Request() =>
        new V16.ReserveNowRequest(ConnectorId, ExpiryDate.ToUniversalTime(), IdTag, ReservationId) { ParentIdTag = ParentIdTag };
}

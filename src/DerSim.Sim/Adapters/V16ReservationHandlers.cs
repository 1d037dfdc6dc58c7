using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V16;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The 1.6 Reservation profile (§5.13 ReserveNow, §5.3 CancelReservation) on the station's reservations: the
/// connector reports Reserved, and Available again when the reservation is cancelled or expires unused.
/// </summary>
internal static class V16ReservationHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session)
    {
        var station = session.Station;
        peer.On<ReserveNowRequest, ReserveNowResponse>((request, _) =>
        {
            var now = session.Time.GetUtcNow();
            var reservation = new Reservation(request.ReservationId, request.ConnectorId, request.IdTag, request.ParentIdTag, request.ExpiryDate);
            var (outcome, changed) = station.Reserve(reservation, now);
            if (outcome == ReservationOutcome.Accepted)
            {
                session.ReportStatusAfterAnswer("ReserveNow", changed);
                ExpireAt(session, reservation, now);
            }

            return ValueTask.FromResult(new ReserveNowResponse(outcome switch
            {
                ReservationOutcome.Accepted => ReserveNowStatus.Accepted,
                ReservationOutcome.Faulted => ReserveNowStatus.Faulted,
                ReservationOutcome.Occupied => ReserveNowStatus.Occupied,
                ReservationOutcome.Unavailable => ReserveNowStatus.Unavailable,
                _ => ReserveNowStatus.Rejected,
            }));
        });

        peer.On<CancelReservationRequest, CancelReservationResponse>((request, _) =>
        {
            // 1.6 §5.3: Rejected when no reservation of that id is in force (cancelled, used or expired before).
            if (station.CancelReservation(request.ReservationId, session.Time.GetUtcNow()) is not { } changed)
            {
                return ValueTask.FromResult(new CancelReservationResponse(CancelReservationStatus.Rejected));
            }

            session.ReportStatusAfterAnswer("CancelReservation", changed);
            return ValueTask.FromResult(new CancelReservationResponse(CancelReservationStatus.Accepted));
        });
    }

    // 1.6 §5.13: an unused reservation ends at its expiryDate; the connector reports Available. Simulated time: the
    // timer runs on the station's clock.
    private static void ExpireAt(StationSession session, Reservation reservation, DateTimeOffset now)
    {
        var wait = reservation.ExpiryDate - now;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, session.Time, session.SessionToken).ConfigureAwait(false);
                foreach (var connector in session.Station.ExpireReservation(reservation.Id, session.Time.GetUtcNow()))
                {
                    await session.Adapter.SendStatusAsync(session.Peer, session.Station, connector, session.SessionToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or OcppConnectionClosedException)
            {
                // The connection ended first; a reservation past its date is no longer in force anyway.
            }
        }, CancellationToken.None);
    }
}

namespace DerSim.Sim.StationModel;

/// <summary>
/// Reservations (OCPP 1.6 §3.13, §5.13; 2.x H01–H04): a connector, or any connector of the station, kept for a token
/// until the expiry date. A reserved connector reports Reserved and takes only the reservation's token or one with
/// its parentIdTag; a reservation of the station reserves its last free connectors (as many as such reservations).
/// </summary>
public sealed partial class ChargingStation
{
    /// <summary>The key of ReservationCtrlr.Enabled (2.x; 1.6 has no key: a station with Reservation answers Rejected when it does not take them).</summary>
    public const string ReservationEnabledKey = "ReservationEnabled";

    /// <summary>The key of 1.6 ReserveConnectorZeroSupported (2.x ReservationCtrlr.NonEvseSpecific).</summary>
    public const string ReserveConnectorZeroKey = "ReserveConnectorZeroSupported";

    private readonly List<Reservation> _reservations = [];

    /// <summary>The local authorization list (1.6 SendLocalList, 2.x D01).</summary>
    public LocalAuthList LocalAuthList => field ??= new LocalAuthList(Configuration);

    /// <summary>The reservations in force at <paramref name="now"/>.</summary>
    public IReadOnlyList<Reservation> ReservationsAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return [.. _reservations.Where(r => r.ExpiryDate > now)];
        }
    }

    /// <summary>
    /// Makes <paramref name="reservation"/> (1.6 §5.13): one with the id of a reservation in force replaces it. The
    /// connector's state decides otherwise: Faulted, Unavailable, Occupied (in use, or reserved under another id); a
    /// reservation of the station (connector 0) needs ReserveConnectorZeroSupported and a free connector.
    /// </summary>
    /// <returns>The answer, and the connectors whose status changed (to report).</returns>
    public (ReservationOutcome Outcome, IReadOnlyList<StationConnector> Changed) Reserve(Reservation reservation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (Configuration.Get(ReservationEnabledKey)?.Value == "false")
        {
            return (ReservationOutcome.Rejected, []);
        }

        lock (_gate)
        {
            _reservations.RemoveAll(r => r.ExpiryDate <= now);
            var replaced = _reservations.FirstOrDefault(r => r.Id == reservation.Id);
            var others = _reservations.Where(r => r.Id != reservation.Id).ToList();
            ReservationOutcome? refusal;
            if (reservation.StationConnectorId == 0)
            {
                var free = Connectors.Where(c => Free(c, others, replaced)).ToList();
                refusal = Configuration.Get(ReserveConnectorZeroKey)?.Value != "true" ? ReservationOutcome.Rejected
                    : free.Count > others.Count(r => r.StationConnectorId == 0) ? null
                    : Connectors.All(c => c.Status == ConnectorStatus.Faulted) ? ReservationOutcome.Faulted
                    : Connectors.All(c => c.Status == ConnectorStatus.Unavailable) ? ReservationOutcome.Unavailable
                    : ReservationOutcome.Occupied;
            }
            else
            {
                var connector = ByStationConnectorId(reservation.StationConnectorId);
                refusal = connector is null ? ReservationOutcome.Rejected
                    : connector.Status switch
                    {
                        ConnectorStatus.Faulted => ReservationOutcome.Faulted,
                        ConnectorStatus.Unavailable => ReservationOutcome.Unavailable,
                        _ when !Free(connector, others, replaced) => ReservationOutcome.Occupied,
                        _ => null,
                    };
            }

            if (refusal is { } refused)
            {
                return (refused, []);
            }

            var before = Connectors.Select(c => c.Status).ToList();
            if (replaced is not null)
            {
                _reservations.Remove(replaced);
            }

            _reservations.Add(reservation);
            return (ReservationOutcome.Accepted, Settle(before));
        }
    }

    /// <summary>Cancels the reservation <paramref name="reservationId"/> (1.6 §5.3); null when none is in force.</summary>
    /// <returns>The connectors whose status changed, or null when there was no such reservation.</returns>
    public IReadOnlyList<StationConnector>? CancelReservation(int reservationId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var reservation = _reservations.FirstOrDefault(r => r.Id == reservationId && r.ExpiryDate > now);
            if (reservation is null)
            {
                return null;
            }

            var before = Connectors.Select(c => c.Status).ToList();
            _reservations.Remove(reservation);
            return Settle(before);
        }
    }

    /// <summary>
    /// Ends the reservation <paramref name="reservationId"/> at its expiry date (1.6 §5.13: the connector is
    /// available again); the connectors whose status changed, none when it was cancelled or used meanwhile.
    /// </summary>
    public IReadOnlyList<StationConnector> ExpireReservation(int reservationId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var before = Connectors.Select(c => c.Status).ToList();
            var gone = _reservations.RemoveAll(r => r.Id == reservationId && r.ExpiryDate <= now);
            return gone == 0 ? [] : Settle(before);
        }
    }

    /// <summary>
    /// Whether <paramref name="idTag"/> (group <paramref name="groupId"/>, as the CSMS answered it) may start on
    /// <paramref name="connector"/> (1.6 §5.13): a connector reserved takes only its reservation's token or group; a
    /// token of a reservation of the station uses it; any other token needs a connector left for each reservation of
    /// the station.
    /// </summary>
    public ReservationAdmission Admit(StationConnector connector, string idTag, string? groupId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connector);
        lock (_gate)
        {
            var live = _reservations.Where(r => r.ExpiryDate > now).ToList();
            if (live.FirstOrDefault(r => r.StationConnectorId == connector.StationConnectorId) is { } own)
            {
                return new ReservationAdmission(own.Admits(idTag, groupId), own.Admits(idTag, groupId) ? own.Id : null);
            }

            var ofStation = live.Where(r => r.StationConnectorId == 0).ToList();
            if (ofStation.FirstOrDefault(r => r.Admits(idTag, groupId)) is { } mine)
            {
                return new ReservationAdmission(true, mine.Id);
            }

            var freeElsewhere = Connectors.Count(c => c != connector && (c.Status is ConnectorStatus.Available or ConnectorStatus.Reserved) && live.All(r => r.StationConnectorId != c.StationConnectorId));
            return new ReservationAdmission(freeElsewhere >= ofStation.Count, null);
        }
    }

    /// <summary>
    /// The transaction of reservation <paramref name="reservationId"/> started on <paramref name="connector"/>: the
    /// reservation ends (1.6 §5.13). Connectors a reservation of the station kept for it are free again.
    /// </summary>
    /// <returns>The other connectors whose status changed.</returns>
    public IReadOnlyList<StationConnector> UseReservation(int reservationId, StationConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        lock (_gate)
        {
            var before = Connectors.Select(c => c.Status).ToList();
            _reservations.RemoveAll(r => r.Id == reservationId);
            return [.. Settle(before).Where(c => c != connector)];
        }
    }

    // A connector is free for a reservation when no other reservation names it and it is Available, or Reserved only
    // for the reservation being replaced.
    private static bool Free(StationConnector connector, List<Reservation> others, Reservation? replaced) =>
        others.All(r => r.StationConnectorId != connector.StationConnectorId)
        && (connector.Status == ConnectorStatus.Available
            || (connector.Status == ConnectorStatus.Reserved && replaced is not null
                && (replaced.StationConnectorId == connector.StationConnectorId || (replaced.StationConnectorId == 0 && others.All(r => r.StationConnectorId != 0)))));

    // Sets each idle connector Reserved or Available as the reservations say (a connector named by one; the last free
    // connectors while reservations of the station need them); the ones whose status changed from before.
    private List<StationConnector> Settle(List<ConnectorStatus> before)
    {
        var named = _reservations.Where(r => r.StationConnectorId > 0).Select(r => r.StationConnectorId).ToHashSet();
        var ofStation = _reservations.Count(r => r.StationConnectorId == 0);
        var idle = Connectors.Where(c => c.Status is ConnectorStatus.Available or ConnectorStatus.Reserved).ToList();
        var keptForStation = ofStation > 0 && idle.Count(c => !named.Contains(c.StationConnectorId)) <= ofStation;
        foreach (var connector in idle)
        {
            connector.Status = named.Contains(connector.StationConnectorId) || keptForStation ? ConnectorStatus.Reserved : ConnectorStatus.Available;
        }

        return [.. Connectors.Where((c, i) => c.Status != before[i])];
    }
}

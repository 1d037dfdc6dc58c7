using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>
/// Reservations on the station (1.6 §5.13, §5.3): a connector or the charge point reserved, refusals by connector
/// state and configuration, cancel and expiry, and which tokens a reserved connector admits.
/// </summary>
public sealed class ReservationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_reserved_connector_is_Reserved_until_cancelled_and_a_second_cancel_is_refused()
    {
        var station = Station("EVSE-AC-22kW-1port");
        var (outcome, changed) = station.Reserve(new Reservation(7, 1, "A", null, T0.AddHours(1)), T0);

        outcome.ShouldBe(ReservationOutcome.Accepted);
        changed.Single().Status.ShouldBe(ConnectorStatus.Reserved);
        station.CancelReservation(7, T0)!.Single().Status.ShouldBe(ConnectorStatus.Available);
        station.CancelReservation(7, T0).ShouldBeNull();
    }

    [Test]
    public void An_unused_reservation_expires_and_cannot_be_cancelled_afterwards()
    {
        var station = Station("EVSE-AC-22kW-1port");
        station.Reserve(new Reservation(1, 1, "A", null, T0.AddMinutes(5)), T0);

        station.ExpireReservation(1, T0.AddMinutes(4)).ShouldBeEmpty("not yet");
        station.ExpireReservation(1, T0.AddMinutes(5)).Single().Status.ShouldBe(ConnectorStatus.Available);
        station.CancelReservation(1, T0.AddMinutes(6)).ShouldBeNull();
    }

    [TestCase(ConnectorStatus.Faulted, ReservationOutcome.Faulted)]
    [TestCase(ConnectorStatus.Occupied, ReservationOutcome.Occupied)]
    [TestCase(ConnectorStatus.Unavailable, ReservationOutcome.Unavailable)]
    public void A_connector_that_is_not_free_is_refused_by_its_state(ConnectorStatus status, ReservationOutcome expected)
    {
        var station = Station("EVSE-AC-22kW-1port");
        station.Connectors[0].Status = status;

        station.Reserve(new Reservation(1, 1, "A", null, T0.AddHours(1)), T0).Outcome.ShouldBe(expected);
        station.Connectors[0].Status.ShouldBe(status);
    }

    [Test]
    public void A_connector_reserved_under_another_id_is_Occupied_and_the_same_id_replaces_the_reservation()
    {
        var station = Station("EVSE-AC-7.4kW-2port");
        station.Reserve(new Reservation(1, 1, "A", null, T0.AddHours(1)), T0);

        station.Reserve(new Reservation(2, 1, "B", null, T0.AddHours(1)), T0).Outcome.ShouldBe(ReservationOutcome.Occupied);
        var (outcome, changed) = station.Reserve(new Reservation(1, 2, "A", null, T0.AddHours(1)), T0);
        outcome.ShouldBe(ReservationOutcome.Accepted);
        changed.Select(c => (c.StationConnectorId, c.Status)).ShouldBe([(1, ConnectorStatus.Available), (2, ConnectorStatus.Reserved)], ignoreOrder: true);
    }

    [Test]
    public void A_station_that_takes_no_reservations_or_none_for_the_charge_point_rejects_them()
    {
        var station = Station("EVSE-AC-22kW-1port");
        station.Configuration.Preset(station.Configuration.Get(ChargingStation.ReserveConnectorZeroKey)!, "false");
        station.Reserve(new Reservation(1, 0, "A", null, T0.AddHours(1)), T0).Outcome.ShouldBe(ReservationOutcome.Rejected);
        station.Reserve(new Reservation(1, 9, "A", null, T0.AddHours(1)), T0).Outcome.ShouldBe(ReservationOutcome.Rejected, "no such connector");

        station.Configuration.Preset(station.Configuration.Get("ReservationCtrlr", "Enabled")!, "false");
        station.Reserve(new Reservation(1, 1, "A", null, T0.AddHours(1)), T0).Outcome.ShouldBe(ReservationOutcome.Rejected);
    }

    [Test]
    public void A_reservation_of_the_charge_point_keeps_its_last_free_connector()
    {
        var station = Station("EVSE-AC-7.4kW-2port");
        station.Reserve(new Reservation(1, 0, "A", null, T0.AddHours(1)), T0).Changed.ShouldBeEmpty("two free connectors: none needs keeping yet");

        station.Admit(station.Connectors[0], "OTHER", null, T0).ShouldBe(new ReservationAdmission(true, null), "one connector stays free for the reservation");
        station.Connectors[0].Status = ConnectorStatus.Occupied;
        station.Admit(station.Connectors[1], "OTHER", null, T0).Admitted.ShouldBeFalse("the last free connector is kept");
        station.Admit(station.Connectors[1], "A", null, T0).ShouldBe(new ReservationAdmission(true, 1));
    }

    [Test]
    public void A_reserved_connector_admits_its_token_and_tokens_of_its_parentIdTag_only()
    {
        var station = Station("EVSE-AC-22kW-1port");
        station.Reserve(new Reservation(5, 1, "A", "FLEET", T0.AddHours(1)), T0);
        var connector = station.Connectors[0];

        station.Admit(connector, "A", null, T0).ShouldBe(new ReservationAdmission(true, 5));
        station.Admit(connector, "B", "FLEET", T0).ShouldBe(new ReservationAdmission(true, 5));
        station.Admit(connector, "C", "OTHER", T0).Admitted.ShouldBeFalse();
        station.Admit(connector, "C", "OTHER", T0.AddHours(2)).Admitted.ShouldBeTrue("expired reservations keep nobody out");

        station.UseReservation(5, connector).ShouldBeEmpty();
        station.ReservationsAt(T0).ShouldBeEmpty("used up by the transaction");
    }

    private static ChargingStation Station(string profile) =>
        new("R-1", DerSim.Sim.Profiles.EvseProfileLoader.Load(profile, DerSim.Sim.Profiles.ProfilesDirectory.Locate()));
}

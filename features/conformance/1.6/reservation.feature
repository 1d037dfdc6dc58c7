@conformance @profile-reservation
Feature: 1.6 Reservation - the CSMS reserves a connector or the charge point, and cancels reservations
  The CSMS-initiated OCA 1.6 cases of the Reservation profile. The CSMS sends ReserveNow naming the connector (0 for
  the charge point as a whole), the token, optionally its parentIdTag, a reservationId and an expiry date in the
  future; it takes a refusal (Faulted, Occupied, Unavailable, Rejected), answers the station's StatusNotification
  Reserved and, when the reservation ends, Available, and accepts the transaction that uses the reservation. To cancel
  it names the reservationId it gave.

  # ReserveNow for connector 1 and the valid token: the connector reports Reserved; the driver of the token charges
  # there and StartTransaction carries the reservation, which the CSMS accepts.
  @TC_046_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: A reserved connector is used by the token it was reserved for
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS reserves EVSE 1 for the valid token
    Then the CSMS sent the "ReserveNow" as asked
    And the CSMS's last "ReserveNow" has an "expiryDate" in the future
    And the station answered "ReserveNow" with "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Reserved"
    When EVSE 1 charges with the valid token
    Then the CSMS answered the "StartTransaction" whose "reservationId" is that of its last "ReserveNow" with "idTagInfo.status" = "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Nobody comes before the expiry date: the reservation ends and the connector reports Available again.
  @TC_047_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: A reservation expires unused
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS reserves EVSE 1 for the valid token for 5 minutes
    Then the CSMS sent the "ReserveNow" as asked
    And the CSMS's last "ReserveNow" has an "expiryDate" in the future
    And the station answered "ReserveNow" with "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Reserved"
    When the reservation's expiry date passes
    Then the CSMS answered 2 "StatusNotification" whose "status" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # The connector is faulted (memory state): the station answers Faulted, which the CSMS takes.
  @TC_048_1_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: A faulted connector cannot be reserved
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is Faulted
    When the CSMS reserves EVSE 1 for the valid token
    Then the CSMS sent the "ReserveNow" as asked
    And the station answered "ReserveNow" with "Faulted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # An EV is plugged in (Preparing): the station answers Occupied.
  @TC_048_2_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: An occupied connector cannot be reserved
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the CSMS reserves EVSE 1 for the valid token
    Then the CSMS sent the "ReserveNow" as asked
    And the station answered "ReserveNow" with "Occupied"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # The connector is out of service (memory state): the station answers Unavailable.
  @TC_048_3_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: An unavailable connector cannot be reserved
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is Unavailable
    When the CSMS reserves EVSE 1 for the valid token
    Then the CSMS sent the "ReserveNow" as asked
    And the station answered "ReserveNow" with "Unavailable"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # The station is set up to take no reservations (ReservationCtrlr.Enabled false): it answers Rejected.
  @TC_048_4_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: A station that takes no reservations rejects one
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "ReservationCtrlr.Enabled" is "false"
    And the station is Booted
    When the CSMS reserves EVSE 1 for the valid token
    Then the CSMS sent the "ReserveNow" as asked
    And the station answered "ReserveNow" with "Rejected"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # ReserveNow for the charge point as a whole (connectorId 0): its only connector is kept and reports Reserved; the
  # reserved token charges there, its StartTransaction carrying the reservation.
  @TC_049_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: The charge point is reserved and the reserved token charges
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS reserves the charge point for the valid token
    Then the CSMS sent the "ReserveNow" as asked
    And the CSMS's last "ReserveNow" has "connectorId" = "0"
    And the station answered "ReserveNow" with "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Reserved"
    When EVSE 1 charges with the valid token
    Then the CSMS answered the "StartTransaction" whose "reservationId" is that of its last "ReserveNow" with "idTagInfo.status" = "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # The CSMS cancels the reservation it made, by its reservationId; the connector reports Available again.
  @TC_051_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: The CSMS cancels a reservation
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS reserves EVSE 1 for the valid token
    Then the CSMS's last "ReserveNow" has "connectorId" = "1"
    And the station answered "ReserveNow" with "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Reserved"
    When the CSMS cancels its last reservation
    Then the CSMS sent the "CancelReservation" as asked
    And the CSMS's last "CancelReservation" has the "reservationId" of its last "ReserveNow"
    And the station answered "CancelReservation" with "Accepted"
    And the CSMS answered 2 "StatusNotification" whose "status" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # The reservation is gone at the station (it lapsed) when the CSMS cancels it: the station answers Rejected, which
  # the CSMS takes.
  @TC_052_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: The station rejects the cancellation of a reservation it no longer holds
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS reserves EVSE 1 for the valid token for 5 minutes
    Then the station answered "ReserveNow" with "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Reserved"
    When the reservation's expiry date passes
    And the CSMS cancels its last reservation
    Then the CSMS sent the "CancelReservation" as asked
    And the station answered "CancelReservation" with "Rejected"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # ReserveNow with the token's group as parentIdTag; another token of the group comes: the station Authorizes it
  # to learn its parentIdTag, which the CSMS answers, and the token charges on the reservation.
  @TC_053_CSMS @mandatory-reservation @requires:Reservation @csms-initiated
  Scenario Outline: A token of the reservation's parentIdTag uses the reserved connector
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS reserves EVSE 1 for the valid token and its group
    Then the CSMS sent the "ReserveNow" as asked
    And the CSMS's last "ReserveNow" carries "parentIdTag"
    And the station answered "ReserveNow" with "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Reserved"
    When EVSE 1 charges with a token of the valid token's group
    Then the CSMS answered the "StartTransaction" whose "reservationId" is that of its last "ReserveNow" with "idTagInfo.status" = "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

@conformance @block-G
Feature: G Availability - the CSMS changes the availability of the station, an EVSE or a connector
  The CSMS-initiated OCA cases of use cases G03 and G04. The CSMS sends ChangeAvailability naming exactly what it was
  asked for: the whole station (no evse), one EVSE (evse.id, no connectorId) or one connector (evse.id and
  evse.connectorId). An idle target changes at once (Accepted) and the station reports its connectors Unavailable or
  Available again; with a transaction running the change is Scheduled and happens when the transaction has ended.
  The CSMS answers every report and every TransactionEvent of the flow.

  # G03: one EVSE, idle: the CSMS names evse.id without a connectorId; the station answers Accepted and reports
  # its connector Unavailable, which the CSMS answers.
  @TC_G_03_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An EVSE is made Inoperative
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS makes EVSE 1 Inoperative
    Then the CSMS sent the "ChangeAvailability" as asked
    And the CSMS's last "ChangeAvailability" has no "evse.connectorId"
    And the station answered "ChangeAvailability" with "Accepted"
    And the CSMS answered the "StatusNotification" whose "connectorStatus" is "Unavailable"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # G03: the EVSE starts out of service (memory state Unavailable); made Operative, it reports Available again.
  @TC_G_04_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An Unavailable EVSE is made Operative again
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is Unavailable
    When the CSMS makes EVSE 1 Operative
    Then the CSMS sent the "ChangeAvailability" as asked
    And the CSMS's last "ChangeAvailability" has no "evse.connectorId"
    And the station answered "ChangeAvailability" with "Accepted"
    And the CSMS answered 2 "StatusNotification" whose "connectorStatus" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # G04: the whole station: the CSMS leaves evse out; every connector reports Unavailable.
  @TC_G_05_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The whole station is made Inoperative
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS makes the station Inoperative
    Then the CSMS sent the "ChangeAvailability" as asked
    And the CSMS's last "ChangeAvailability" has no "evse"
    And the station answered "ChangeAvailability" with "Accepted"
    And the CSMS answered the "StatusNotification" whose "connectorStatus" is "Unavailable"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # G04: the station starts out of service; made Operative, every connector reports Available again.
  @TC_G_06_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An Unavailable station is made Operative again
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station is Unavailable
    When the CSMS makes the station Operative
    Then the CSMS sent the "ChangeAvailability" as asked
    And the CSMS's last "ChangeAvailability" has no "evse"
    And the station answered "ChangeAvailability" with "Accepted"
    And the CSMS answered 2 "StatusNotification" whose "connectorStatus" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # G03: one connector: the CSMS names evse.id and evse.connectorId.
  @TC_G_07_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A connector is made Inoperative
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS makes connector 1 of EVSE 1 Inoperative
    Then the CSMS sent the "ChangeAvailability" as asked
    And the station answered "ChangeAvailability" with "Accepted"
    And the CSMS answered the "StatusNotification" whose "connectorStatus" is "Unavailable"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # G03: the connector starts out of service; made Operative, it reports Available again.
  @TC_G_08_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An Unavailable connector is made Operative again
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And connector 1 of EVSE 1 is Unavailable
    When the CSMS makes connector 1 of EVSE 1 Operative
    Then the CSMS sent the "ChangeAvailability" as asked
    And the station answered "ChangeAvailability" with "Accepted"
    And the CSMS answered 2 "StatusNotification" whose "connectorStatus" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # G03: an EVSE with a transaction running: the station answers Scheduled and takes the EVSE out of service
  # once the transaction has ended (stop, then the EV unplugs), reporting it Unavailable.
  @TC_G_11_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An EVSE made Inoperative during a transaction turns Unavailable when it ends
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS makes EVSE 1 Inoperative
    Then the CSMS sent the "ChangeAvailability" as asked
    And the CSMS's last "ChangeAvailability" has no "evse.connectorId"
    And the station answered "ChangeAvailability" with "Scheduled"
    When the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "eventType" is "Ended"
    And the CSMS answered the "StatusNotification" whose "connectorStatus" is "Unavailable"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # G04: the whole station with a transaction running: Scheduled; the busy connector turns Unavailable after it.
  @TC_G_14_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The station made Inoperative during a transaction turns Unavailable when it ends
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS makes the station Inoperative
    Then the CSMS sent the "ChangeAvailability" as asked
    And the CSMS's last "ChangeAvailability" has no "evse"
    And the station answered "ChangeAvailability" with "Scheduled"
    When the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "eventType" is "Ended"
    And the CSMS answered the "StatusNotification" whose "connectorStatus" is "Unavailable"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # G03: one connector with a transaction running: Scheduled; Unavailable once the transaction has ended.
  @TC_G_17_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A connector made Inoperative during a transaction turns Unavailable when it ends
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS makes connector 1 of EVSE 1 Inoperative
    Then the CSMS sent the "ChangeAvailability" as asked
    And the station answered "ChangeAvailability" with "Scheduled"
    When the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "eventType" is "Ended"
    And the CSMS answered the "StatusNotification" whose "connectorStatus" is "Unavailable"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

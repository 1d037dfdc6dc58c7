@sessions @authorization
Feature: Authorize, start and stop on an AC-22 station
  A driver plugs an EV into the 22 kW AC station and presents a token; the station asks the CSMS,
  starts the transaction, reports meter values while the EV charges, and ends the transaction when
  the driver stops it or the EV leaves.

  @block-E
  Scenario Outline: The Authorize / Start / Stop round trip
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And an EV "sedan-75" at 20% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And 30 minutes pass
    And the EV unplugs from EVSE 1
    Then "Authorize" came before "<start>"
    And "<start>" came before "<sample>"
    And the charging states on EVSE 1 were "Charging"
    And the energy register on EVSE 1 never went down
    And the transaction on EVSE 1 ended with reason "EVDisconnected"
    And every answer from the CSMS arrived within 2000 ms
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | start            | sample      |
      | 1.6     | StartTransaction | MeterValues |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | start            | sample           |
      | 2.0.1   | TransactionEvent | TransactionEvent |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | start            | sample           |
      | 2.1     | TransactionEvent | TransactionEvent |

  Scenario Outline: A token the CSMS does not accept starts nothing
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And an EV "sedan-75" at 20% plugs into EVSE 1
    And the driver presents <token> on EVSE 1
    And 10 minutes pass
    Then the CSMS refused <token>
    And no transaction started on EVSE 1
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | token             |
      | 1.6     | the unknown token |
      | 1.6     | the blocked token |
      | 1.6     | the expired token |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | token             |
      | 2.0.1   | the unknown token |
      | 2.0.1   | the blocked token |
      | 2.0.1   | the expired token |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | token             |
      | 2.1     | the unknown token |
      | 2.1     | the blocked token |
      | 2.1     | the expired token |

  Scenario Outline: The driver stops the transaction at the station
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And an EV "sedan-75" at 20% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And 15 minutes pass
    And the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    Then the transaction on EVSE 1 ended with reason "Local"
    And the energy register on EVSE 1 never went down
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

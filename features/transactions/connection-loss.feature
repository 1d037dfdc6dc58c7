@transactions @offline
Feature: Connection loss during a transaction
  The network fails while an EV charges. The station keeps charging, queues its transaction
  messages, reconnects on its own (without booting again: it did not restart) and delivers what it
  queued in the order it was made — in 2.x as TransactionEvents marked offline.

  Scenario Outline: Messages made offline arrive after the reconnect, in order
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And an EV "sedan-75" at 20% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And 5 minutes pass
    And the connection drops for 5 minutes
    And 5 minutes pass
    And the EV unplugs from EVSE 1
    Then the station reconnected without booting again
    And the transaction messages of the outage arrived after the reconnect, in order
    And the energy register on EVSE 1 never went down
    And the transaction on EVSE 1 ended with reason "EVDisconnected"
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

  Scenario Outline: The EV leaves during the outage and the CSMS hears of the end afterwards
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And an EV "sedan-75" at 20% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And 5 minutes pass
    And the connection drops
    And 3 minutes pass
    And the EV unplugs from EVSE 1
    And 1 minute passes
    And the connection is restored
    Then the station reconnected without booting again
    And the transaction messages of the outage arrived after the reconnect, in order
    And the transaction on EVSE 1 ended with reason "EVDisconnected"
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

@multi-port @sessions
Feature: Two ports on one supply
  Two EVs on the two ports of a 7.4 kW AC station charge at the same time and split its supply;
  in 2.x each transaction's TransactionEvents stay in order although both interleave on one connection.

  Scenario Outline: Two concurrent sessions share the 7.4 kW station budget
    Given a station with profile "EVSE-AC-7.4kW-2port" on OCPP <version>
    When the station connects to the CSMS
    And an EV "sedan-75" at 20% plugs into EVSE 1
    And an EV "compact-ac" at 30% plugs into EVSE 2
    And the driver presents the valid token on EVSE 1
    And the driver presents a second valid token on EVSE 2
    And 30 minutes pass
    And the EV unplugs from EVSE 1
    And the EV unplugs from EVSE 2
    Then the transactions on EVSE 1 and EVSE 2 overlapped
    And "Power.Active.Import" on EVSE 1 and EVSE 2 together stayed at most 7.4 kW
    And the energy register on EVSE 1 never went down
    And the energy register on EVSE 2 never went down
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

  @block-E
  Scenario Outline: TransactionEvents of two concurrent transactions each keep their order
    Given a station with profile "EVSE-AC-7.4kW-2port" on OCPP <version>
    When the station connects to the CSMS
    And an EV "sedan-75" at 20% plugs into EVSE 1
    And an EV "compact-ac" at 30% plugs into EVSE 2
    And the driver presents the valid token on EVSE 1
    And 5 minutes pass
    And the driver presents a second valid token on EVSE 2
    And 20 minutes pass
    And the driver stops the transaction on EVSE 1
    And 5 minutes pass
    And the EV unplugs from EVSE 2
    Then the transactions on EVSE 1 and EVSE 2 overlapped
    And the TransactionEvents of every transaction are in order
    And the transaction on EVSE 1 ended with reason "Local"
    And the transaction on EVSE 2 ended with reason "EVDisconnected"

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

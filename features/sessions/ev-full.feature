@sessions @charging-state
Feature: A full EV suspends
  An EV that reaches the state of charge it wants stops drawing power while it stays plugged in:
  the station reports SuspendedEV, and the transaction runs on until the EV leaves.

  Scenario Outline: An EV at its target goes SuspendedEV and ends when unplugged
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And an EV "compact-ac" at 70% that wants 75% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And 60 minutes pass
    And the EV unplugs from EVSE 1
    Then the charging states on EVSE 1 were "Charging, SuspendedEV"
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

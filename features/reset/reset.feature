@reset
Feature: Reset
  A CSMS resets a station; the station accepts and boots again.

  Scenario Outline: A reset is accepted and the station boots again
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"
    When the CSMS resets the station with a "<type>" reset
    Then the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the station soon has sent 2 "BootNotification"
    And the station soon sends a "StatusNotification"

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | type |
      | 1.6     | Soft |
      | 1.6     | Hard |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | type |
      | 2.0.1   | Soft |
      | 2.0.1   | Hard |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | type |
      | 2.1     | Hard |

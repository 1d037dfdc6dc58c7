@core @capabilities
Feature: Per-connector capabilities of a hybrid station
  The hybrid station has two DC CCS2 EVSEs and one AC Type 2 EVSE under a shared 200 kW group. A CSMS
  learns what each connector is from what the station reports: its status per connector, and in 2.x its
  device model (GetBaseReport, then NotifyReport).

  Scenario Outline: The base report gives each connector's type
    Given a station with profile "EVSE-Hybrid-2DC-1AC" on OCPP <version>
    When the station connects to the CSMS
    And the CSMS asks for the full base report
    Then the station answered "GetBaseReport" with "Accepted"
    And the base report gives connector type "cCCS2" on EVSE 1
    And the base report gives connector type "cCCS2" on EVSE 2
    And the base report gives connector type "cType2" on EVSE 3
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples:
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples:
      | version |
      | 2.1     |

  Scenario Outline: Every connector of the hybrid station reports its status
    Given a station with profile "EVSE-Hybrid-2DC-1AC" on OCPP <version>
    When the station connects to the CSMS
    Then the station reports every connector as "Available"
    And the station sent 3 "StatusNotification"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples:
      | version |
      | 1.6     |

    @ocpp2.0.1
    Examples:
      | version |
      | 2.0.1   |

@core @boot
Feature: Boot
  A station that connects sends BootNotification; a CSMS that accepts it then hears every
  connector's status. Every profile boots in every version it can speak.

  @block-B
  Scenario Outline: A cold boot is accepted and every connector is reported Available
    Given a station with profile "<profile>" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"
    And the CSMS's accepted boot answer gives a heartbeat interval and its current time
    And the station reports every connector as "Available"
    And every frame is valid against the OCPP schema
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6 @TC_001_CSMS
    Examples: OCPP 1.6J
      | profile                 | version |
      | EVSE-AC-22kW-1port      | 1.6     |
      | EVSE-DC-350kW-CCS-2port | 1.6     |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | profile                 | version |
      | EVSE-AC-7.4kW-2port     | 2.0.1   |
      | EVSE-Hybrid-2DC-1AC     | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | profile                 | version |
      | EVSE-DC-150kW-CCS-1port | 2.1     |
      | EVSE-V2G-DC-50kW-bidir  | 2.1     |

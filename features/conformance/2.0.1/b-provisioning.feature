@conformance @block-B
Feature: B Provisioning - the CSMS registers a booting station
  The station-initiated OCA cases of block B. A station that powers up sends BootNotification; the CSMS accepts it
  with a heartbeat interval and its current time, and answers the status report of every connector.

  @TC_B_01_CSMS @mandatory-core
  Scenario Outline: A cold boot is accepted
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"
    And the CSMS's accepted boot answer gives a heartbeat interval and its current time
    And the station reports every connector as "Available"
    And every frame is valid against the OCPP schema
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

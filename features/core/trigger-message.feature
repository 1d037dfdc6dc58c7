@core @trigger @requires:RemoteTrigger
Feature: Trigger message
  A CSMS asks the station for a message and gets it.

  @block-F
  Scenario Outline: The CSMS triggers a message and the station sends it
    Given a station with profile "EVSE-AC-7.4kW-2port" on OCPP <version>
    When the station connects to the CSMS
    Then the station reports every connector as "Available"
    When the CSMS triggers a "<message>"
    Then the station answered "TriggerMessage" with "Accepted"
    And the station soon sends a "<message>"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | message            |
      | 1.6     | Heartbeat          |
      | 1.6     | StatusNotification |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | message            |
      | 2.0.1   | Heartbeat          |
      | 2.0.1   | StatusNotification |

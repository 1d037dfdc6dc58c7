@conformance @profile-remote-trigger @requires:RemoteTrigger
Feature: 1.6 RemoteTrigger - the CSMS asks the station for a message
  The OCPP 1.6 RemoteTrigger cases. The CSMS sends TriggerMessage naming the message it wants and, where the message is
  about a connector, the connectorId. The station answers Accepted and sends the message, which the CSMS then answers
  like any other: MeterValues, Heartbeat (with its current time), StatusNotification, DiagnosticsStatusNotification and
  FirmwareStatusNotification (Idle: no upload or update under way). When the station rejects the request, the CSMS
  carries on without an error.

  @TC_054_CSMS @mandatory-remote-trigger @csms-initiated
  Scenario Outline: The CSMS triggers each message and answers it
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS triggers a "MeterValues" for EVSE 1
    Then the CSMS sent the "TriggerMessage" as asked
    And the station answered "TriggerMessage" with "Accepted"
    And the CSMS answered the "MeterValues" that followed its last "TriggerMessage"
    When the CSMS triggers a "Heartbeat"
    Then the CSMS sent the "TriggerMessage" as asked
    And the station answered "TriggerMessage" with "Accepted"
    And the CSMS answered the last "Heartbeat" with a "currentTime"
    When the CSMS triggers a "StatusNotification" for EVSE 1
    Then the CSMS sent the "TriggerMessage" as asked
    And the station answered "TriggerMessage" with "Accepted"
    And the CSMS answered the "StatusNotification" that followed its last "TriggerMessage"
    When the CSMS triggers a "DiagnosticsStatusNotification"
    Then the CSMS sent the "TriggerMessage" as asked
    And the station answered "TriggerMessage" with "Accepted"
    And the CSMS answered the "DiagnosticsStatusNotification" that followed its last "TriggerMessage"
    When the CSMS triggers a "FirmwareStatusNotification"
    Then the CSMS sent the "TriggerMessage" as asked
    And the station answered "TriggerMessage" with "Accepted"
    And the CSMS answered the "FirmwareStatusNotification" that followed its last "TriggerMessage"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # The one-connector station has no connector 2: it rejects meter values of it, and the CSMS carries on.
  @TC_055_CSMS @mandatory-remote-trigger @csms-initiated
  Scenario Outline: The station rejects a triggered message
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS triggers a "MeterValues" for EVSE 2
    Then the CSMS sent the "TriggerMessage" as asked
    And the station answered "TriggerMessage" with "Rejected"
    And the station sent no "MeterValues"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

@configuration
Feature: Configuration and variables
  A CSMS changes the heartbeat interval: with ChangeConfiguration in 1.6, with SetVariables in 2.x,
  and reads the new value back.

  @block-B @ocpp1.6
  Scenario: 1.6 ChangeConfiguration of HeartbeatInterval is accepted and read back
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP 1.6
    When the station connects to the CSMS
    And the CSMS sets configuration "HeartbeatInterval" to "60"
    Then the station answered "ChangeConfiguration" with "Accepted"
    When the CSMS reads configuration "HeartbeatInterval"
    Then the station answered "GetConfiguration" with "configurationKey[0].value" = "60"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  @block-B
  Scenario Outline: 2.x SetVariables of the heartbeat interval is accepted and read back
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And the CSMS sets variable "OCPPCommCtrlr.HeartbeatInterval" to "60"
    Then the station answered "SetVariables" with "setVariableResult[0].attributeStatus" = "Accepted"
    When the CSMS reads variable "OCPPCommCtrlr.HeartbeatInterval"
    Then the station answered "GetVariables" with "getVariableResult[0].attributeValue" = "60"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

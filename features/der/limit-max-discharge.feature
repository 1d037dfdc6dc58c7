@der @ocpp2.1 @block-R @requires:DERControl
Feature: LimitMaxDischarge on the V2G DC port
  A default LimitMaxDischarge control caps the discharge of every EVSE at a percentage of its maximum discharge
  power; GetDERControl reports it (ReportDERControl) and ClearDERControl removes it.

  Background:
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP 2.1
    When the station connects to the CSMS
    And an EV "v2g-50" at 70% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets a discharge setpoint of 40 kW on EVSE 1
    And 2 minutes pass

  Scenario: A default LimitMaxDischarge of 50 % halves the discharge and is reported
    When the CSMS sets a default LimitMaxDischarge of 50 % as "lmd-1"
    Then the station answered "SetDERControl" with "Accepted"
    When 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 25 kW
    And the latest "Power.Active.Export" on EVSE 1 is at least 24 kW
    When the CSMS asks for the DER controls
    Then the station answered "GetDERControl" with "Accepted"
    And the station soon reports DER control "lmd-1"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: Clearing the control restores the set point; clearing it again finds nothing
    When the CSMS sets a default LimitMaxDischarge of 50 % as "lmd-1"
    And 3 minutes pass
    Then the latest "Power.Active.Export" on EVSE 1 is at most 25 kW
    When the CSMS clears DER control "lmd-1"
    Then the station answered "ClearDERControl" with "Accepted"
    When 3 minutes pass
    Then the latest "Power.Active.Export" on EVSE 1 is at least 39 kW
    When the CSMS clears DER control "lmd-1"
    Then the station answered "ClearDERControl" with "NotFound"
    When the CSMS asks for DER control "lmd-1"
    Then the station answered "GetDERControl" with "NotFound"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

@der @ocpp2.1 @block-R @requires:DERControl
Feature: Scheduled DER controls, priorities and supersession
  A scheduled control acts only in its window and the station says when it starts and stops (NotifyDERStartStop);
  a new default control of the same type with a higher priority (lower number) supersedes the earlier one.

  Background:
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP 2.1
    When the station connects to the CSMS
    And an EV "v2g-50" at 70% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets a discharge setpoint of 40 kW on EVSE 1
    And 2 minutes pass

  Scenario: A scheduled VoltWatt control starts and stops on time
    When the grid voltage goes to 108 %
    And the CSMS schedules a "VoltWatt" curve "vw-s" in "PctMaxW" in 2 minutes for 5 minutes with points:
      | x   | y   |
      | 100 | 100 |
      | 106 | 100 |
      | 110 | 0   |
    Then the station answered "SetDERControl" with "Accepted"
    And the latest "Power.Active.Export" on EVSE 1 is at least 39 kW
    When 3 minutes pass
    Then the station soon notifies that DER control "vw-s" started
    And the latest "Power.Active.Export" on EVSE 1 is at most 25 kW
    When 5 minutes pass
    Then the station soon notifies that DER control "vw-s" stopped
    And the latest "Power.Active.Export" on EVSE 1 is at least 39 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: A higher-priority default FreqWatt supersedes the earlier one
    When the CSMS sets a default "FreqWatt" curve "fw-1" with priority 5 in "PctMaxW" with points:
      | x    | y   |
      | 50.2 | 100 |
      | 51.0 | 0   |
    Then the station answered "SetDERControl" with "Accepted"
    When the CSMS sets a default "FreqWatt" curve "fw-2" with priority 1 in "PctMaxW" with points:
      | x    | y   |
      | 50.2 | 100 |
      | 51.4 | 0   |
    Then the station answered "SetDERControl" with "Accepted"
    And the SetDERControl answer superseded "fw-1"
    When the grid frequency rises to 50.6 Hz
    And 2 minutes pass
    Then the latest "Power.Active.Export" on EVSE 1 is between 32 and 34 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

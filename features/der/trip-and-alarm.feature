@der @ocpp2.1 @block-R @requires:DERControl
Feature: Trip and cessation settings cease energy and raise DER alarms
  With a must-trip or momentary-cessation curve set (x: voltage % or frequency Hz, y: seconds), a grid step beyond it
  ceases energy both ways on the discharging V2G port and the station sends NotifyDERAlarm with the control type and
  the grid fault; when the grid returns to nominal it sends NotifyDERAlarm with alarmEnded.

  Background:
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP 2.1
    When the station connects to the CSMS
    And an EV "v2g-50" at 70% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets a discharge setpoint of 40 kW on EVSE 1
    And 2 minutes pass

  Scenario Outline: <type> on a grid <quantity> step to <value>
    When the CSMS sets a default "<type>" curve "trip-1" in "Not_Applicable" with points:
      | x    | y   |
      | <x1> | 1   |
      | <x2> | 0.2 |
    Then the station answered "SetDERControl" with "Accepted"
    When the grid <quantity> goes to <value>
    And 1 minute passes
    Then the station soon raises a DER alarm for "<type>" with fault "<fault>"
    And every "Power.Active.Export" on EVSE 1 since the last change is at most 0 kW
    And every "Power.Active.Import" on EVSE 1 since the last change is at most 0 kW
    When the grid returns to nominal
    And 1 minute passes
    Then the station soon ends the DER alarm for "<type>"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    Examples:
      | type       | quantity  | value   | x1   | x2  | fault          |
      | HVMustTrip | voltage   | 115 %   | 110  | 120 | OverVoltage    |
      | LVMustTrip | voltage   | 70 %    | 88   | 50  | UnderVoltage   |
      | HFMustTrip | frequency | 51.5 Hz | 51.2 | 52  | OverFrequency  |
      | LFMustTrip | frequency | 48 Hz   | 48.5 | 47  | UnderFrequency |
      | HVMomCess  | voltage   | 125 %   | 120  | 130 | OverVoltage    |

  Scenario: A grid inside the trip settings raises no alarm
    When the CSMS sets a default "HVMustTrip" curve "trip-1" in "Not_Applicable" with points:
      | x   | y   |
      | 110 | 1   |
      | 120 | 0.2 |
    And the grid voltage goes to 105 %
    And 2 minutes pass
    Then the station sent no "NotifyDERAlarm"
    And the latest "Power.Active.Export" on EVSE 1 is at least 39 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

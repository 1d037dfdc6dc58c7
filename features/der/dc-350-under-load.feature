@der @ocpp2.1 @block-R @multi-port @requires:DERControl
Feature: DER control under load on the DC-350 dual port
  Two trucks charge on both 350 kW ports of the 500 kW cabinet while MeterValues stream every 10 s; an
  under-frequency FreqDroop control cuts the import of both ports while the grid frequency is low, and the ports
  take their share again once the grid recovers.

  Scenario: Under-frequency FreqDroop cuts both ports' import, then the grid recovers
    Given a station with profile "EVSE-DC-350kW-CCS-2port" on OCPP 2.1
    When the station connects to the CSMS
    And an EV "truck-350" at 10% plugs into EVSE 1
    And an EV "truck-350" at 15% plugs into EVSE 2
    And the driver presents the valid token on EVSE 1
    And the driver presents a second valid token on EVSE 2
    And 3 minutes pass
    Then the latest "Power.Active.Import" on EVSE 1 is at least 200 kW
    And the latest "Power.Active.Import" on EVSE 2 is at least 200 kW
    When the CSMS sets DER control "droop-1" of type "FreqDroop" with:
      | setting      | value |
      | priority     | 1     |
      | overFreq     | 50.1  |
      | underFreq    | 49.9  |
      | overDroop    | 0.05  |
      | underDroop   | 0.01  |
      | responseTime | 1     |
    Then the station answered "SetDERControl" with "Accepted"
    When the grid frequency drops to 49.5 Hz
    And 5 minutes pass
    Then every "Power.Active.Import" on EVSE 1 since the last change is at most 150 kW
    And every "Power.Active.Import" on EVSE 2 since the last change is at most 150 kW
    When the grid returns to nominal
    And 5 minutes pass
    Then the latest "Power.Active.Import" on EVSE 1 is at least 200 kW
    And the latest "Power.Active.Import" on EVSE 2 is at least 200 kW
    And at least 60 "Power.Active.Import" samples were reported on EVSE 1
    And at least 60 "Power.Active.Import" samples were reported on EVSE 2
    And "Power.Active.Import" on EVSE 1 and EVSE 2 together stayed at most 500 kW
    And the transactions on EVSE 1 and EVSE 2 overlapped
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: DER controls change while both ports charge and MeterValues stream
    Given a station with profile "EVSE-DC-350kW-CCS-2port" on OCPP 2.1
    When the station connects to the CSMS
    And an EV "truck-350" at 10% plugs into EVSE 1
    And an EV "truck-350" at 15% plugs into EVSE 2
    And the driver presents the valid token on EVSE 1
    And the driver presents a second valid token on EVSE 2
    And 2 minutes pass
    And the grid frequency drops to 49.4 Hz
    # 49.4 Hz on 49.0 → 0 %, 49.8 → 100 %: 50 % of the 350 kW rating per port.
    And the CSMS sets a default "FreqWatt" curve "fw-1" with priority 5 in "PctMaxW" with points:
      | x    | y   |
      | 49.0 | 0   |
      | 49.8 | 100 |
    Then the station answered "SetDERControl" with "Accepted"
    When 2 minutes pass
    Then every "Power.Active.Import" on EVSE 1 since the last change is at most 175 kW
    And every "Power.Active.Import" on EVSE 2 since the last change is at most 175 kW
    And the latest "Power.Active.Import" on EVSE 1 is at least 170 kW
    # A stricter curve with a higher priority takes over: 40 % of the rating at 49.4 Hz.
    When the CSMS sets a default "FreqWatt" curve "fw-2" with priority 1 in "PctMaxW" with points:
      | x    | y   |
      | 49.0 | 0   |
      | 50.0 | 100 |
    Then the SetDERControl answer superseded "fw-1"
    When 2 minutes pass
    Then every "Power.Active.Import" on EVSE 1 since the last change is at most 140 kW
    And every "Power.Active.Import" on EVSE 2 since the last change is at most 140 kW
    And the latest "Power.Active.Import" on EVSE 2 is at least 135 kW
    When the CSMS clears every default DER control
    And 2 minutes pass
    Then the latest "Power.Active.Import" on EVSE 1 is at least 200 kW
    And the latest "Power.Active.Import" on EVSE 2 is at least 200 kW
    And at least 30 "Power.Active.Import" samples were reported on EVSE 1
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

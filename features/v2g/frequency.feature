@v2g @ocpp2.1 @block-Q @smart-charging @requires:BidirectionalPowerTransfer @requires:SmartCharging
Feature: Frequency-driven V2G on the V2G DC port (LocalFrequency, CentralFrequency, AFRRSignal)
  A TxProfile period with operationMode LocalFrequency carries a frequency-watt curve (v2xFreqWattCurve) and
  optionally a baseline (v2xBaseline): the port follows baseline + curve(grid frequency), interpolated between the
  points and flat beyond the end ones, exporting below nominal and importing above it. A CentralFrequency period
  carries a signal-watt curve (v2xSignalWattCurve) instead, and the port follows the value of the latest AFRRSignal
  the CSMS sent. Either mode without its curve is rejected as an inconsistent period.

  Background:
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP 2.1
    When the station connects to the CSMS
    And an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1

  Scenario: LocalFrequency exports as the grid frequency drops, flat beyond the curve's end
    When the CSMS sets operation mode "LocalFrequency" on EVSE 1 with the frequency-watt curve:
      | frequency Hz | power kW |
      | 49.8         | -20      |
      | 50.0         | 0        |
      | 50.2         | 20       |
    Then the station answered "SetChargingProfile" with "Accepted"
    And the station soon reports operation mode "LocalFrequency" on EVSE 1
    When the CSMS asks for the composite schedule of EVSE 1 over 600 s
    Then the station answered "GetCompositeSchedule" with "schedule.chargingSchedulePeriod[0].operationMode" = "LocalFrequency"
    When 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 1 kW
    And every "Power.Active.Import" on EVSE 1 since the last change is at most 1 kW
    When the grid frequency drops to 49.9 Hz
    And 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 11 kW
    And the latest "Power.Active.Export" on EVSE 1 is between 9 and 11 kW
    And every "Power.Active.Import" on EVSE 1 since the last change is at most 0 kW
    When the grid frequency drops to 49.7 Hz
    And 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 21 kW
    And the latest "Power.Active.Export" on EVSE 1 is between 19 and 21 kW
    And the state of charge on EVSE 1 fell
    And the export register on EVSE 1 rose
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: LocalFrequency imports as the grid frequency rises
    When the CSMS sets operation mode "LocalFrequency" on EVSE 1 with the frequency-watt curve:
      | frequency Hz | power kW |
      | 49.8         | -20      |
      | 50.0         | 0        |
      | 50.2         | 20       |
    Then the station answered "SetChargingProfile" with "Accepted"
    When the grid frequency rises to 50.1 Hz
    And 5 minutes pass
    Then every "Power.Active.Import" on EVSE 1 since the last change is at most 11 kW
    And the latest "Power.Active.Import" on EVSE 1 is between 9 and 11 kW
    And every "Power.Active.Export" on EVSE 1 since the last change is at most 0 kW
    And the state of charge on EVSE 1 rose
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: The points may come in any order; the station sorts them by frequency
    When the CSMS sets operation mode "LocalFrequency" on EVSE 1 with the frequency-watt curve:
      | frequency Hz | power kW |
      | 50.2         | 20       |
      | 49.8         | -20      |
      | 50.0         | 0        |
    Then the station answered "SetChargingProfile" with "Accepted"
    When the grid frequency drops to 49.9 Hz
    And 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 11 kW
    And the latest "Power.Active.Export" on EVSE 1 is between 9 and 11 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: A LocalFrequency baseline shifts the curve: 5 kW export at nominal frequency
    When the CSMS sets operation mode "LocalFrequency" on EVSE 1 with a baseline of -5 kW and the frequency-watt curve:
      | frequency Hz | power kW |
      | 49.8         | -20      |
      | 50.0         | 0        |
      | 50.2         | 20       |
    Then the station answered "SetChargingProfile" with "Accepted"
    And the station soon reports operation mode "LocalFrequency" on EVSE 1
    When 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 6 kW
    And the latest "Power.Active.Export" on EVSE 1 is between 4 and 6 kW
    And every "Power.Active.Import" on EVSE 1 since the last change is at most 0 kW
    When the grid frequency drops to 49.9 Hz
    And 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 16 kW
    And the latest "Power.Active.Export" on EVSE 1 is between 14 and 16 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: CentralFrequency follows the aFRR signal through the signal-watt curve
    When the CSMS sets operation mode "CentralFrequency" on EVSE 1 with the signal-watt curve:
      | signal | power kW |
      | -100   | -30      |
      | 0      | 0        |
      | 100    | 30       |
    Then the station answered "SetChargingProfile" with "Accepted"
    And the station soon reports operation mode "CentralFrequency" on EVSE 1
    When the CSMS asks for the composite schedule of EVSE 1 over 600 s
    Then the station answered "GetCompositeSchedule" with "schedule.chargingSchedulePeriod[0].operationMode" = "CentralFrequency"
    When 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 1 kW
    And every "Power.Active.Import" on EVSE 1 since the last change is at most 1 kW
    When the CSMS sends the aFRR signal -50
    Then the station answered "AFRRSignal" with "Accepted"
    When 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 16 kW
    And the latest "Power.Active.Export" on EVSE 1 is between 14 and 16 kW
    And every "Power.Active.Import" on EVSE 1 since the last change is at most 0 kW
    And the state of charge on EVSE 1 fell
    When the CSMS sends the aFRR signal 200
    Then the station answered "AFRRSignal" with "Accepted"
    When 5 minutes pass
    Then every "Power.Active.Import" on EVSE 1 since the last change is at most 31 kW
    And the latest "Power.Active.Import" on EVSE 1 is between 29 and 31 kW
    And every "Power.Active.Export" on EVSE 1 since the last change is at most 0 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: A CentralFrequency baseline applies before any aFRR signal
    When the CSMS sets operation mode "CentralFrequency" on EVSE 1 with a baseline of -5 kW and the signal-watt curve:
      | signal | power kW |
      | -100   | -30      |
      | 0      | 0        |
      | 100    | 30       |
    Then the station answered "SetChargingProfile" with "Accepted"
    When 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 6 kW
    And the latest "Power.Active.Export" on EVSE 1 is between 4 and 6 kW
    When the CSMS sends the aFRR signal -50
    And 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 21 kW
    And the latest "Power.Active.Export" on EVSE 1 is between 19 and 21 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: An aFRR signal timestamped ahead applies from its timestamp, not before
    When the CSMS sets operation mode "CentralFrequency" on EVSE 1 with the signal-watt curve:
      | signal | power kW |
      | -100   | -30      |
      | 0      | 0        |
      | 100    | 30       |
    And the CSMS sends the aFRR signal -50 applying in 5 minutes
    Then the station answered "AFRRSignal" with "Accepted"
    When 4 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 1 kW
    When 5 minutes pass
    Then the latest "Power.Active.Export" on EVSE 1 is between 14 and 16 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario Outline: <mode> without its curve is an inconsistent period
    When the CSMS sets operation mode "<mode>" on EVSE 1
    Then the station answered "SetChargingProfile" with "Rejected"
    And the station answered "SetChargingProfile" with "statusInfo.reasonCode" = "InconsistentPeriod"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    Examples:
      | mode             |
      | LocalFrequency   |
      | CentralFrequency |

  Scenario: CentralFrequency with a frequency-watt curve instead of a signal-watt curve is an inconsistent period
    When the CSMS sets operation mode "CentralFrequency" on EVSE 1 with the frequency-watt curve:
      | frequency Hz | power kW |
      | 49.8         | -20      |
      | 50.2         | 20       |
    Then the station answered "SetChargingProfile" with "Rejected"
    And the station answered "SetChargingProfile" with "statusInfo.reasonCode" = "InconsistentPeriod"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

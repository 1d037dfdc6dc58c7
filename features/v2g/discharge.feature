@v2g @ocpp2.1 @block-Q @smart-charging @requires:BidirectionalPowerTransfer @requires:SmartCharging
Feature: Discharge on the V2G DC port under CSMS control
  A CSMS that allows DC_BPT for the transaction and sends a TxProfile period with operationMode CentralSetpoint and a
  negative setpoint sees the EV discharge: Power.Active.Export in the meter values, the SoC falling and the export
  register rising, within the setpoint, the discharge limit and the EV's minimum SoC. The charging state stays
  Charging in both directions (2.1 has no Discharging state).

  Background:
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP 2.1
    When the station connects to the CSMS

  Scenario: Allowed DC_BPT and a 20 kW discharge setpoint export energy
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    Then the station answered "NotifyAllowedEnergyTransfer" with "Accepted"
    When the CSMS sets a discharge setpoint of 20 kW on EVSE 1
    Then the station answered "SetChargingProfile" with "Accepted"
    And the station soon reports operation mode "CentralSetpoint" on EVSE 1
    When the CSMS asks for the composite schedule of EVSE 1 over 600 s
    Then the station answered "GetCompositeSchedule" with "schedule.chargingSchedulePeriod[0].operationMode" = "CentralSetpoint"
    And the station answered "GetCompositeSchedule" with "schedule.chargingSchedulePeriod[0].setpoint" = "-20000"
    When 10 minutes pass
    Then the highest MeterValues "Power.Active.Export" on EVSE 1 is at least 19 kW
    And every "Power.Active.Export" on EVSE 1 since the last change is at most 20 kW
    And every "Power.Active.Import" on EVSE 1 since the last change is at most 0 kW
    And the state of charge on EVSE 1 fell
    And the export register on EVSE 1 rose
    And the charging states on EVSE 1 were "Charging"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: Allowing only DC stops the discharge and the EV renegotiates DC
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets a discharge setpoint of 20 kW on EVSE 1
    And 5 minutes pass
    Then the highest MeterValues "Power.Active.Export" on EVSE 1 is at least 19 kW
    When the CSMS allows energy transfer "DC" for the transaction on EVSE 1
    Then the station answered "NotifyAllowedEnergyTransfer" with "Accepted"
    And the station soon renegotiates energy transfer "DC" on EVSE 1
    When 5 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 0 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: The discharge limit caps a larger setpoint
    When an EV "v2g-50" at 70% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets a discharge setpoint of 40 kW with a discharge limit of 15 kW on EVSE 1
    Then the station answered "SetChargingProfile" with "Accepted"
    When 10 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most 15 kW
    And the latest "Power.Active.Export" on EVSE 1 is at least 14 kW
    And the state of charge on EVSE 1 fell
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: ExternalLimits bound the charging power; the EV charges at demand within them
    When an EV "v2g-50" at 40% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets operation mode "ExternalLimits" on EVSE 1 with limits of 30 kW charge and 10 kW discharge
    Then the station answered "SetChargingProfile" with "Accepted"
    And the station soon reports operation mode "ExternalLimits" on EVSE 1
    When 10 minutes pass
    Then every "Power.Active.Import" on EVSE 1 since the last change is at most 30 kW
    And the latest "Power.Active.Import" on EVSE 1 is at least 29 kW
    And every "Power.Active.Export" on EVSE 1 since the last change is at most 0 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: Idle stops energy both ways
    When an EV "v2g-50" at 50% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets operation mode "Idle" on EVSE 1
    Then the station answered "SetChargingProfile" with "Accepted"
    And the station soon reports operation mode "Idle" on EVSE 1
    When 5 minutes pass
    Then every "Power.Active.Import" on EVSE 1 since the last change is at most 0 kW
    And every "Power.Active.Export" on EVSE 1 since the last change is at most 0 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: Discharge stops at the EV's minimum state of charge
    When an EV "v2g-50" at 24% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets a discharge setpoint of 20 kW on EVSE 1
    And 20 minutes pass
    Then the highest MeterValues "Power.Active.Export" on EVSE 1 is at least 19 kW
    And the state of charge on EVSE 1 stayed at least 20%
    And the latest "Power.Active.Export" on EVSE 1 is at most 0 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

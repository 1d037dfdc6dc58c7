@v2g @ocpp2.1 @block-Q @requires:BidirectionalPowerTransfer
Feature: Charging needs of a bidirectional EV on the V2G DC port
  The bidirectional EV (v2g-50) on the DC_BPT connector of EVSE-V2G-DC-50kW-bidir tells the CSMS what it wants and
  what it can do (NotifyEVChargingNeeds) once the transaction has started and before energy flows.

  Scenario: The EV asks for DC_BPT after the transaction starts
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP 2.1
    When the station connects to the CSMS
    And an EV "v2g-50" at 50% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    And the EV on EVSE 1 can use energy transfer "DC_BPT"
    And the station sent a "NotifyEVChargingNeeds" with "chargingNeeds.controlMode" = "DynamicControl"
    And "TransactionEvent" came before "NotifyEVChargingNeeds"
    And the CSMS answered a "NotifyEVChargingNeeds" with "status" = "Accepted"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: The transaction starts in ChargingOnly and charges until the CSMS says otherwise
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP 2.1
    When the station connects to the CSMS
    And an EV "v2g-50" at 50% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And 5 minutes pass
    Then the state of charge on EVSE 1 rose
    And EVSE 1 exported no energy
    And the station soon reports operation mode "ChargingOnly" on EVSE 1
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

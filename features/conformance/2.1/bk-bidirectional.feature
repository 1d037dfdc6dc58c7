@conformance @block-K @requires:BidirectionalPowerTransfer
Feature: B and K cases of Bidirectional Power Transfer - the CSMS changes the operation mode of a V2X transaction
  The Bidirectional Power Transfer profile's cases outside block Q, on the V2G DC port (EVSE-V2G-DC-50kW-bidir) with the
  bidirectional EV "v2g-50": the station really runs the transaction and reports each change of the operation mode in
  force (TransactionEvent, triggerReason OperationModeChanged). The verdict is about what the CSMS sent and its answers.

  # K01 with 2.1's operationMode: the CSMS first makes the EV discharge at a setpoint (CentralSetpoint), then replaces the
  # period with operationMode Idle; it answers each OperationModeChanged TransactionEvent.
  @TC_K_101_CSMS @mandatory-bidirectional @csms-initiated
  Scenario Outline: A charging profile changes the operation mode of the transaction
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets a discharge setpoint of 10 kW on EVSE 1
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.operationMode" is "CentralSetpoint"
    When the CSMS sets operation mode "Idle" on EVSE 1
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.operationMode" is "Idle"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

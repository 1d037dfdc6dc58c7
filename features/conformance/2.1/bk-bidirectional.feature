@conformance @block-K @requires:BidirectionalPowerTransfer
Feature: B and K cases of Bidirectional Power Transfer - the CSMS changes the operation mode of a V2X transaction
  The Bidirectional Power Transfer profile's cases outside block Q, on the V2G DC port (EVSE-V2G-DC-50kW-bidir) with the
  bidirectional EV "v2g-50": the station really runs the transaction and reports each change of the operation mode in
  force (TransactionEvent, triggerReason OperationModeChanged), or resumes the V2X transaction after an ImmediateAndResume
  reset. The verdict is about what the CSMS sent and its answers.

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

  # B12 with V2X (2.1): with a V2X TxProfile in force (a discharge setpoint) the CSMS resets the station with
  # ImmediateAndResume. The station reboots at once without ending the transaction, boots with reason RemoteReset and
  # resumes it (TransactionEvent triggerReason TxResumed, E17.FR.15). As a station need not keep a TxProfile across a
  # reboot, the CSMS sets the transaction's profile again once it has answered the resumption (E17). The reset waits for
  # the CSMS's answer to the mode change the setpoint caused, so the V2X transaction is under way when it comes.
  @TC_B_116_CSMS @mandatory-bidirectional @csms-initiated
  Scenario Outline: An ImmediateAndResume reset during a V2X transaction: it resumes and the CSMS sets its profile again
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station's setting "TxCtrlr.TxResumptionTimeout" is "300"
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
    When the CSMS resets the station with an "ImmediateAndResume" reset
    Then the CSMS sent the "Reset" as asked
    And the CSMS's last "Reset" has no "evseId"
    And the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the CSMS answered the "BootNotification" whose "reason" is "RemoteReset" with "status" = "Accepted"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "TxResumed"
    And after the station's "TransactionEvent" whose "triggerReason" is "TxResumed" the CSMS soon sends a "SetChargingProfile" with "chargingProfile.chargingProfilePurpose" = "TxProfile"
    And the CSMS's TxProfile on EVSE 1 names the running transaction
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

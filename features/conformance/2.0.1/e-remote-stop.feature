@conformance @block-E
Feature: Remote stop of a transaction (block E)
  The CSMS ends a running transaction from afar (OCPP 2.0.1 F03, E06 with TxStopPoint Authorized): its
  RequestStopTransaction names the transaction the station reported (F03.FR.01); the station ends it at once
  (TransactionEvent Ended, triggerReason RemoteStop, stoppedReason Remote) and the CSMS answers that end in time
  and without an error.

  @TC_E_21_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Stop at Authorized, remotely: the CSMS stops the running transaction and answers its end
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "Authorized"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS stops the transaction on EVSE 1
    Then the CSMS sent the "RequestStopTransaction" as asked
    And the station answered "RequestStopTransaction" with "Accepted"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "RemoteStop"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "Remote"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

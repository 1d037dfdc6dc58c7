@conformance @block-K
Feature: Remote start with a charging profile (block K)
  The CSMS starts a transaction and limits it in the same request (OCPP 2.0.1 F01.FR.08–.11, K05): the charging
  profile in its RequestStartTransaction is a TxProfile without a transactionId (the transaction does not exist yet),
  its schedule fits its kind, and the request names the declared token and the EVSE. The station starts the
  transaction for it (TransactionEvent with triggerReason RemoteStart, echoing the remoteStartId the CSMS chose) and
  charges within the profile; the CSMS answers every message of the flow, accepting the token it started it for.

  @TC_K_37_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: Remote start with a TxProfile: the profile has the right purpose and no transaction id
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "Authorized"
    And the station is Booted
    And after a remote start the driver plugs in only when a step says so
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token with a TxProfile of 11 kW
    Then the CSMS sent the "RequestStartTransaction" as asked
    And the CSMS's last "RequestStartTransaction" has "chargingProfile.chargingProfilePurpose" = "TxProfile"
    And the CSMS's last "RequestStartTransaction" has no "chargingProfile.transactionId"
    And the charging profile of the CSMS's last "RequestStartTransaction" has a start schedule as its kind asks
    And the station answered "RequestStartTransaction" with "Accepted"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.remoteStartId" echoes its "RequestStartTransaction"'s "remoteStartId", with "idTokenInfo.status" = "Accepted"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "RemoteStart"
    When an EV "compact-ac" at 20% plugs into EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.chargingState" is "Charging"
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

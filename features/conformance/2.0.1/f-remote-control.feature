@conformance @block-F
Feature: Remote control (block F)
  The CSMS starts transactions from afar and asks the station for messages (OCPP 2.0.1 F01, F02, F06). Its
  RequestStartTransaction names the declared token (value and type) and the EVSE; the station's TransactionEvent
  caused by it echoes the remoteStartId the CSMS chose (F02.FR.01), and the CSMS accepts the token it started the
  transaction for, whether the EV was there first, comes later, or never comes (the station then ends the
  transaction after TxCtrlr.EVConnectionTimeOut). Asked for a Heartbeat by TriggerMessage, the CSMS answers the
  Heartbeat with its time; told that a requested message is not implemented, it carries on as before.

  @TC_F_01_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Cable plugged in first: the remote start authorises the transaction the EV started
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "EVConnected"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the CSMS sent the "RequestStartTransaction" as asked
    And the station answered "RequestStartTransaction" with "Accepted"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.remoteStartId" echoes its "RequestStartTransaction"'s "remoteStartId", with "idTokenInfo.status" = "Accepted"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "RemoteStart"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.chargingState" is "Charging"
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


  @TC_F_02_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Remote start first with AuthorizeRemoteStart true: the station asks, the CSMS accepts
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthCtrlr.AuthorizeRemoteStart" is "true"
    And the station's setting "TxCtrlr.TxStartPoint" is "Authorized"
    And the station is Booted
    And after a remote start the driver plugs in only when a step says so
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the CSMS sent the "RequestStartTransaction" as asked
    And the station answered "RequestStartTransaction" with "Accepted"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.remoteStartId" echoes its "RequestStartTransaction"'s "remoteStartId", with "idTokenInfo.status" = "Accepted"
    And the CSMS answered the last "Authorize" with "idTokenInfo.status" one of "Accepted"
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


  @TC_F_03_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Remote start first with AuthorizeRemoteStart false: the transaction starts on the CSMS's word
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthCtrlr.AuthorizeRemoteStart" is "false"
    And the station's setting "TxCtrlr.TxStartPoint" is "Authorized"
    And the station is Booted
    And after a remote start the driver plugs in only when a step says so
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the CSMS sent the "RequestStartTransaction" as asked
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


  @TC_F_04_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Remote start first, no EV within EVConnectionTimeOut: the station ends the transaction
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "Authorized"
    And the station's setting "TxCtrlr.EVConnectionTimeOut" is "30"
    And the station is Booted
    And after a remote start the driver plugs in only when a step says so
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the CSMS sent the "RequestStartTransaction" as asked
    And the station answered "RequestStartTransaction" with "Accepted"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.remoteStartId" echoes its "RequestStartTransaction"'s "remoteStartId", with "idTokenInfo.status" = "Accepted"
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "EVConnectTimeout"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "Timeout"
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


  @TC_F_20_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Trigger message Heartbeat: the CSMS asks for it and answers it with its time
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS triggers a "Heartbeat"
    Then the CSMS sent the "TriggerMessage" as asked
    And the station answered "TriggerMessage" with "Accepted"
    And the CSMS answered the last "Heartbeat" with a "currentTime"
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


  # The station is no local controller: it has not implemented PublishFirmwareStatusNotification (F06.FR.08).
  @TC_F_27_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Trigger message NotImplemented: the CSMS takes the answer and carries on
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS triggers a "PublishFirmwareStatusNotification"
    Then the CSMS sent the "TriggerMessage" as asked
    And the station answered "TriggerMessage" with "NotImplemented"
    When the CSMS triggers a "Heartbeat"
    Then the station answered "TriggerMessage" with "Accepted"
    And the CSMS answered the last "Heartbeat" with a "currentTime"
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

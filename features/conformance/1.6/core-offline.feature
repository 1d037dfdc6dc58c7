@conformance @profile-core
Feature: OCPP 1.6 Core - the CSMS and the transactions a station ran while offline
  The station loses its connection, a driver starts (and stops) a transaction anyway (LocalAuthorizeOffline, a token
  held in the authorization cache or, with AllowOfflineTxForUnknownId, one never seen), and the station delivers the
  queued transaction messages once the connection is back (1.6 §3.7, §4.8). Each case judges the CSMS: what it answered
  about the token once the StartTransaction reached it, and that it answered every queued message without an error.

  # The valid token is held as Accepted in the cache; the transaction starts offline and its StartTransaction is
  # delivered after the reconnect: the CSMS accepts the token and numbers the transaction.
  @TC_037_1_CSMS @mandatory-core
  Scenario Outline: TC_037_1_CSMS Offline start of a transaction with a valid idTag
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "LocalAuthorizeOffline" is "true"
    And the station's setting "AuthorizationCacheEnabled" is "true"
    And the station's authorization cache holds the valid token as "Accepted"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the connection drops
    And the driver presents the valid token on EVSE 1
    And the connection is restored
    Then the station sent a "StartTransaction" of the valid token and the CSMS answered it with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Charging"
    And the CSMS answered the last "StartTransaction" with a "transactionId"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # A token the station never saw is let in offline (AllowOfflineTxForUnknownId); once online, the CSMS refuses it in
  # its StartTransaction answer, and the station, with StopTransactionOnInvalidId true, stops the transaction with
  # reason DeAuthorized (1.6 §9.1 StopTransactionOnInvalidId); the CSMS answers the stop too.
  @TC_037_3_CSMS @mandatory-core
  Scenario Outline: TC_037_3_CSMS Offline start with an invalid idTag, StopTransactionOnInvalidId true
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "LocalAuthorizeOffline" is "true"
    And the station's setting "AllowOfflineTxForUnknownId" is "true"
    And the station's setting "StopTransactionOnInvalidId" is "true"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the connection drops
    And the driver presents the unknown token on EVSE 1
    And the connection is restored
    Then the station sent a "StartTransaction" of the unknown token and the CSMS answered it with "idTagInfo.status" one of "Invalid"
    And the CSMS answered the "StopTransaction" whose "reason" is "DeAuthorized"
    And the CSMS answered the last "StartTransaction" with a "transactionId"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # A whole transaction runs while the station is offline: the driver starts it with a token the cache holds, charges
  # a while, stops it at the station and unplugs. Once the connection is back, the station delivers the queued
  # StartTransaction, MeterValues and StopTransaction in order (1.6 §4.8); the CSMS accepts the token, numbers the
  # transaction, and answers the StopTransaction, which carries that number, without an error.
  @TC_039_CSMS @mandatory-core
  Scenario Outline: TC_039_CSMS Offline transaction
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "LocalAuthorizeOffline" is "true"
    And the station's setting "AuthorizationCacheEnabled" is "true"
    And the station's authorization cache holds the valid token as "Accepted"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the connection drops
    And the driver presents the valid token on EVSE 1
    And 2 minutes pass
    And the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    And the connection is restored
    Then the station sent a "StartTransaction" of the valid token and the CSMS answered it with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the last "StartTransaction" with a "transactionId"
    And the CSMS answered the "StopTransaction" whose "transactionId" is the "transactionId" of its answer to the last "StartTransaction"
    And the CSMS answered the "StopTransaction" whose "reason" is "Local"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

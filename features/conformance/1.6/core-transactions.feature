@conformance @profile-core
Feature: OCPP 1.6 Core - the CSMS and the sessions a station starts
  The station-initiated OCA 1.6 Core cases: a charging session started cable first or token first, an authorisation
  that lapses because no cable came, a cable pulled out at the EV, a start from the authorization cache, tokens the CSMS
  refuses (invalid, expired, blocked), a connector lock that fails, a power failure that ends a transaction, sessions
  started and stopped while the station was offline, and a DataTransfer of a vendor the CSMS does not know. Each case
  judges the CSMS: what it answered about the token (idTagInfo.status), that it gave a started transaction its id, and
  that it answered every station message in time and without a CALLERROR.

  # Cable first (1.6 §4.9 Preparing, §4.8 StartTransaction): Preparing on the plug-in, then Authorize, StartTransaction
  # and Charging. The CSMS accepts the valid token in both answers and numbers the transaction.
  @TC_003_CSMS @mandatory-core
  Scenario Outline: TC_003_CSMS Regular charging session, plugin first
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the valid token on EVSE 1
    Then the station sent a "StartTransaction" of the valid token and the CSMS answered it with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Charging"
    And the CSMS answered each "Authorize" of the valid token with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the last "StartTransaction" with a "transactionId"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # Token first: the accepted token makes the connector Preparing before any cable (1.6 §4.9); the EV then plugs in and
  # the transaction starts.
  @TC_004_1_CSMS @mandatory-core
  Scenario Outline: TC_004_1_CSMS Regular charging session, identification first
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is Authorized with the valid token
    When an EV "compact-ac" at 20% plugs into EVSE 1
    Then the station sent a "StartTransaction" of the valid token and the CSMS answered it with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Charging"
    And the CSMS answered the "StatusNotification" whose "status" is "Preparing"
    And the CSMS answered the last "StartTransaction" with a "transactionId"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # ConnectionTimeOut (1.6 §9.1.5): authorised, but no cable within the timeout; the connector goes from Preparing back
  # to Available, and the CSMS answers both reports.
  @TC_004_2_CSMS @mandatory-core
  Scenario Outline: TC_004_2_CSMS Identification first, but no cable within ConnectionTimeOut
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "ConnectionTimeOut" is "30"
    And the station is Booted
    And EVSE 1 is Authorized with the valid token
    When 1 minute passes
    Then the CSMS answered the "StatusNotification" whose "status" is "Preparing"
    And the CSMS answered 2 "StatusNotification" whose "status" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # The cable leaves the EV during the charge: with StopTransactionOnEVSideDisconnect and
  # UnlockConnectorOnEVSideDisconnect true the station reports SuspendedEV, stops the transaction (reason EVDisconnected,
  # 1.6 §9.1 StopTransactionOnEVSideDisconnect), Finishing, and Available once the cable is out of the station.
  @TC_005_1_CSMS @mandatory-core
  Scenario Outline: TC_005_1_CSMS EV side disconnected, the transaction stops and the connector unlocks
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "StopTransactionOnEVSideDisconnect" is "true"
    And the station's setting "UnlockConnectorOnEVSideDisconnect" is "true"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the cable is pulled out of the EV on EVSE 1
    Then the CSMS answered the "StopTransaction" whose "reason" is "EVDisconnected"
    And the CSMS answered the "StatusNotification" whose "status" is "SuspendedEV"
    And the CSMS answered the "StatusNotification" whose "status" is "Finishing"
    And the CSMS answered 2 "StatusNotification" whose "status" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # The valid token is in the station's authorization cache as Accepted: with LocalPreAuthorize the station starts
  # without an Authorize (1.6 §3.5.2), and the CSMS checks the token when the StartTransaction reaches it.
  @TC_007_CSMS @mandatory-core
  Scenario Outline: TC_007_CSMS Regular start of a charging session with a cached id
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthorizationCacheEnabled" is "true"
    And the station's setting "LocalPreAuthorize" is "true"
    And the station's authorization cache holds the valid token as "Accepted"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the valid token on EVSE 1
    Then the station sent a "StartTransaction" of the valid token and the CSMS answered it with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Charging"
    And the station sent no "Authorize"
    And the CSMS answered the last "StartTransaction" with a "transactionId"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # Tokens the CSMS refuses (1.6 §4.2, idTagInfo.status): the unknown token is Invalid, the expired one Expired, the
  # blocked one Blocked.
  @TC_023_1_CSMS @mandatory-core
  Scenario Outline: TC_023_1_CSMS Start charging session, Authorize invalid
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the unknown token on EVSE 1
    Then the CSMS answered each "Authorize" of the unknown token with "idTagInfo.status" one of "Invalid"
    And the station sent no "StartTransaction"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  @TC_023_2_CSMS @mandatory-core
  Scenario Outline: TC_023_2_CSMS Start charging session, Authorize expired
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the expired token on EVSE 1
    Then the CSMS answered each "Authorize" of the expired token with "idTagInfo.status" one of "Expired"
    And the station sent no "StartTransaction"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  @TC_023_3_CSMS @mandatory-core
  Scenario Outline: TC_023_3_CSMS Start charging session, Authorize blocked
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the blocked token on EVSE 1
    Then the CSMS answered each "Authorize" of the blocked token with "idTagInfo.status" one of "Blocked"
    And the station sent no "StartTransaction"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # The driver is authorised and plugs in, but the connector cannot lock the cable: the station reports the connector
  # Faulted with errorCode ConnectorLockFailure (1.6 §7.6) and starts nothing; the CSMS answers the report.
  @TC_024_CSMS @mandatory-core
  Scenario Outline: TC_024_CSMS Start charging session, lock failure
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is Authorized with the valid token
    When the connector lock of EVSE 1 fails
    Then the CSMS answered the "StatusNotification" whose "errorCode" is "ConnectorLockFailure"
    And the CSMS answered the "StatusNotification" whose "status" is "Preparing"
    And the station sent no "StartTransaction"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # The station loses power during a charge and boots again (reason PowerUp): the CSMS accepts the boot, and the
  # transaction the power failure interrupted is stopped with reason PowerLoss after the boot (1.6 has no resuming;
  # 1.6 §4.8: the stop is delivered once the connection is back).
  @TC_032_1_CSMS @mandatory-core
  Scenario Outline: TC_032_1_CSMS Power failure boot, the station stops the interrupted transaction
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the station loses power for 10 s
    Then the CSMS answered the "StopTransaction" whose "reason" is "PowerLoss"
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

  # A DataTransfer of a vendor the CSMS has no extension for (1.6 §4.3): the CSMS answers it with one of the statuses
  # 1.6 defines (the case expects Rejected, UnknownMessageId or UnknownVendorId; it allows Accepted with a warning).
  @TC_064_CSMS @mandatory-core
  Scenario Outline: TC_064_CSMS Data transfer to the Central System
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the station sends a DataTransfer with vendor id "com.example.dersim.unknown" and message id "NoSuchMessage"
    Then the CSMS answered the last "DataTransfer" with "status" one of "Rejected, UnknownMessageId, UnknownVendorId, Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

@conformance @profile-core
Feature: 1.6 Core - the CSMS acts on the station
  The OCPP 1.6 Core cases in which the CSMS must act: remote start and stop, hard and soft reset, unlocking a
  connector, reading and changing configuration keys and clearing the authorization cache. The CSMS sends each
  request with exactly the fields it was asked for (1.6 names a connector by its connectorId), and whatever the station
  answers (Accepted, Rejected, NotSupported, UnlockFailed), it answers every message the station sends in the flow:
  the Authorize and StartTransaction of a remote start (accepting the token it started the transaction for, giving a
  transactionId), the StopTransaction of a remote stop or an unlock, the StatusNotifications on the way, and the
  BootNotification after a reset (Accepted).

  # 1.6 §5.11 / §3.x remote start, cable first: the EV is plugged in (Preparing) before the CSMS starts the
  # transaction; the station asks for the token first (AuthorizeRemoteTxRequests), then starts the transaction.
  @TC_010_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Remote start with the cable plugged in first
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthorizeRemoteTxRequests" is "true"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the CSMS sent the "RemoteStartTransaction" as asked
    And the station answered "RemoteStartTransaction" with "Accepted"
    And the CSMS answered the "Authorize" that followed its last "RemoteStartTransaction" with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the "StartTransaction" that followed its last "RemoteStartTransaction" with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the last "StartTransaction" with a "transactionId"
    And the CSMS answered the "StatusNotification" whose "status" is "Charging"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Remote start first: the station authorises the token, reports the connector Preparing and waits for the EV; the
  # transaction starts when the EV plugs in.
  @TC_011_1_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Remote start first, then the EV plugs in
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthorizeRemoteTxRequests" is "true"
    And the station is Booted
    And after a remote start the driver plugs in only when a step says so
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the CSMS sent the "RemoteStartTransaction" as asked
    And the station answered "RemoteStartTransaction" with "Accepted"
    And the CSMS answered the "Authorize" that followed its last "RemoteStartTransaction" with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Preparing"
    When an EV "compact-ac" at 20% plugs into EVSE 1
    Then the CSMS answered the "StartTransaction" that followed its last "RemoteStartTransaction" with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the last "StartTransaction" with a "transactionId"
    And the CSMS answered the "StatusNotification" whose "status" is "Charging"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Remote start first and no EV within ConnectionTimeOut: the station gives the connector back (Available again);
  # the CSMS answers both status reports.
  @TC_011_2_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Remote start first, and no EV comes within the connection timeout
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthorizeRemoteTxRequests" is "true"
    And the station's setting "ConnectionTimeOut" is "30"
    And the station is Booted
    And after a remote start the driver plugs in only when a step says so
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the CSMS sent the "RemoteStartTransaction" as asked
    And the station answered "RemoteStartTransaction" with "Accepted"
    And the CSMS answered the "Authorize" that followed its last "RemoteStartTransaction" with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the "StatusNotification" whose "status" is "Preparing"
    When 1 minute passes
    Then the CSMS answered 2 "StatusNotification" whose "status" is "Available"
    And the station sent no "StartTransaction"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Remote stop of the running transaction: the station ends it (reason Remote), reports Finishing, and Available
  # once the EV has gone.
  @TC_012_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Remote stop of a running transaction
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS stops the transaction on EVSE 1
    Then the CSMS sent the "RemoteStopTransaction" as asked
    And the station answered "RemoteStopTransaction" with "Accepted"
    And the CSMS answered the "StopTransaction" whose "reason" is "Remote"
    And the CSMS answered the "StatusNotification" whose "status" is "Finishing"
    When the EV unplugs from EVSE 1
    Then the CSMS answered 2 "StatusNotification" whose "status" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Hard and soft reset: the station reboots and boots again; the CSMS accepts the new BootNotification and answers
  # the status of the connector that follows it.
  @TC_013_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Hard reset
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS resets the station with a "Hard" reset
    Then the CSMS sent the "Reset" as asked
    And the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the CSMS answered the "BootNotification" that followed its last "Reset" with "status" one of "Accepted"
    And the CSMS answered the "StatusNotification" that followed its last "Reset"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  @TC_014_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Soft reset
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS resets the station with a "Soft" reset
    Then the CSMS sent the "Reset" as asked
    And the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the CSMS answered the "BootNotification" that followed its last "Reset" with "status" one of "Accepted"
    And the CSMS answered the "StatusNotification" that followed its last "Reset"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Unlock with no session, a socket (cable not fixed): Unlocked.
  @TC_017_1_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Unlock a connector with no session running
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS unlocks connector 1 of EVSE 1
    Then the CSMS sent the "UnlockConnector" as asked
    And the station answered "UnlockConnector" with "Unlocked"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # A fixed cable has no lock to release: the station answers NotSupported (1.6 §5.18).
  @TC_017_2_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Unlock a connector with a fixed cable
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And connector 1 of EVSE 1 has a fixed cable
    When the CSMS unlocks connector 1 of EVSE 1
    Then the CSMS sent the "UnlockConnector" as asked
    And the station answered "UnlockConnector" with "NotSupported"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Unlock during a transaction: the station ends the transaction first (reason UnlockCommand, 1.6 §5.18), reports
  # Finishing, and Available once the EV has gone.
  @TC_018_1_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Unlock a connector with a session running
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS unlocks connector 1 of EVSE 1
    Then the CSMS sent the "UnlockConnector" as asked
    And the station answered "UnlockConnector" with "Unlocked"
    And the CSMS answered the "StopTransaction" whose "reason" is "UnlockCommand"
    And the CSMS answered the "StatusNotification" whose "status" is "Finishing"
    When the EV unplugs from EVSE 1
    Then the CSMS answered 2 "StatusNotification" whose "status" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # GetConfiguration without keys: the station reports every key it has.
  @TC_019_1_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Retrieve every configuration key
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS reads every configuration key
    Then the CSMS sent the "GetConfiguration" as asked
    And the CSMS's last "GetConfiguration" has no "key"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  @TC_019_2_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Retrieve one configuration key
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS reads configuration "SupportedFeatureProfiles"
    Then the CSMS sent the "GetConfiguration" as asked
    And the station answered "GetConfiguration" with "configurationKey[0].key" = "SupportedFeatureProfiles"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  @TC_021_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Change a configuration key
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets configuration "MeterValueSampleInterval" to "60"
    Then the CSMS sent the "ChangeConfiguration" as asked
    And the station answered "ChangeConfiguration" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Remote start rejected: the connector is out of service (Unavailable), so the station refuses to start.
  @TC_026_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A remote start the station rejects
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is Unavailable
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the CSMS sent the "RemoteStartTransaction" as asked
    And the station answered "RemoteStartTransaction" with "Rejected"
    And the station sent no "StartTransaction"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Remote stop of a transaction id the station does not know, while a transaction runs: Rejected; the running
  # transaction goes on.
  @TC_028_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A remote stop of an unknown transaction is rejected
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS stops a transaction the station does not know
    Then the CSMS sent the "RemoteStopTransaction" as asked
    And the station answered "RemoteStopTransaction" with "Rejected"
    And the station sent no "StopTransaction"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # The connector's lock does not open: UnlockFailed.
  @TC_030_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Unlocking fails
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the lock of connector 1 of EVSE 1 is stuck
    When the CSMS unlocks connector 1 of EVSE 1
    Then the CSMS sent the "UnlockConnector" as asked
    And the station answered "UnlockConnector" with "UnlockFailed"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # The one-connector station has no connector 2 (1.6 numbers connectors across the charge point): NotSupported.
  @TC_031_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Unlocking a connector the station does not have
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS unlocks connector 1 of EVSE 2
    Then the CSMS sent the "UnlockConnector" as asked
    And the station answered "UnlockConnector" with "NotSupported"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # A key the station does not have: NotSupported.
  @TC_040_1_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Changing a configuration key the station does not support
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets configuration "DerSimNoSuchKey" to "true"
    Then the CSMS sent the "ChangeConfiguration" as asked
    And the station answered "ChangeConfiguration" with "NotSupported"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # A value the key does not take (an interval is a whole number of seconds): Rejected.
  @TC_040_2_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Changing a configuration key to an invalid value
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets configuration "MeterValueSampleInterval" to "-1"
    Then the CSMS sent the "ChangeConfiguration" as asked
    And the station answered "ChangeConfiguration" with "Rejected"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  @TC_061_CSMS @mandatory-core @csms-initiated
  Scenario Outline: Clear the authorization cache
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS clears the authorization cache
    Then the CSMS sent the "ClearCache" as asked
    And the station answered "ClearCache" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

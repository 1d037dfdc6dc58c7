@conformance @block-B
Feature: B Provisioning - the CSMS reads and writes the station's variables and resets it
  The CSMS-initiated OCA cases of block B. The CSMS reads or writes one variable of the device model the OCA names
  (OCPPCommCtrlr.OfflineThreshold) as it was asked; it resets the whole station (no evseId), OnIdle when idle, OnIdle
  while a transaction runs (the station answers Scheduled and resets after the transaction ends) and Immediate while
  one runs (the station ends it with ImmediateReset first); it answers what the station then sends, and accepts the
  boot that follows.

  # B06: one GetVariableData for OCPPCommCtrlr.OfflineThreshold; the actual value unless the CSMS names another
  # attribute type (B06.FR.11). The station answers with the value (B06.FR.10).
  @TC_B_06_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The CSMS reads one variable of the station's device model
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS reads variable "OCPPCommCtrlr.OfflineThreshold"
    Then the CSMS sent the "GetVariables" as asked
    And the CSMS's last "GetVariables" has "getVariableData[0].attributeType" absent or one of "Actual, Target, MinSet, MaxSet"
    And the station answered "GetVariables" with "getVariableResult[0].attributeStatus" = "Accepted"
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

  # B05: one SetVariableData writing 123 to OCPPCommCtrlr.OfflineThreshold, for the actual value (attributeType absent
  # or Actual, B05.FR.12); the station accepts it (B05.FR.10).
  @TC_B_09_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The CSMS writes one variable of the station's device model
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets variable "OCPPCommCtrlr.OfflineThreshold" to "123"
    Then the CSMS sent the "SetVariables" as asked
    And the CSMS's last "SetVariables" has "setVariableData[0].attributeType" absent or one of "Actual"
    And the station answered "SetVariables" with "setVariableResult[0].attributeStatus" = "Accepted"
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

  # B11: with no transaction running the station accepts an OnIdle reset of the whole station, reboots and boots with
  # reason RemoteReset; the CSMS accepts the boot and answers the connectors' status reports.
  @TC_B_20_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An OnIdle reset of an idle station: it reboots and the CSMS accepts its boot
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS resets the station with an "OnIdle" reset
    Then the CSMS sent the "Reset" as asked
    And the CSMS's last "Reset" has no "evseId"
    And the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the CSMS answered the "BootNotification" whose "reason" is "RemoteReset" with "status" = "Accepted"
    And the CSMS answered 2 "StatusNotification" whose "connectorStatus" is "Available"
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

  # B12: while a transaction runs the station answers an OnIdle reset Scheduled (B12.FR.01); the transaction ends as
  # usual (B12.FR.03), then the station reboots and boots with reason ScheduledReset, which the CSMS accepts.
  @TC_B_21_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An OnIdle reset during a transaction waits for it to end
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS resets the station with an "OnIdle" reset
    Then the CSMS sent the "Reset" as asked
    And the CSMS's last "Reset" has no "evseId"
    And the station answered "Reset" with "Scheduled"
    When the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    And 10 s of simulated time pass
    Then the CSMS answered the "TransactionEvent" whose "eventType" is "Ended"
    And the CSMS answered the "BootNotification" whose "reason" is "ScheduledReset" with "status" = "Accepted"
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

  # B12: an Immediate reset while a transaction runs: the station ends it (TransactionEvent Ended, triggerReason
  # ResetCommand, stoppedReason ImmediateReset; B12.FR.02), reboots and boots with reason RemoteReset.
  @TC_B_22_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An Immediate reset during a transaction ends it, then the station reboots
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS resets the station with an "Immediate" reset
    Then the CSMS sent the "Reset" as asked
    And the CSMS's last "Reset" has no "evseId"
    And the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "ImmediateReset"
    And the CSMS answered the "BootNotification" whose "reason" is "RemoteReset" with "status" = "Accepted"
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

@conformance @block-E
Feature: E Transactions - OCPP 2.1 only: limits set at the station, and transactions resumed after an interruption
  The OCA cases of block E that only OCPP 2.1 has. The driver fixes the energy, the time or, with the CSMS's tariff,
  the cost of the transaction at the station, which reports the limit (TransactionEvent Updated, triggerReason LimitSet,
  transactionLimit) and ends the transaction when it is reached (E16); the station loses power and, back within TxCtrlr.TxResumptionTimeout, boots and
  resumes the transaction (E17, triggerReason TxResumed), and the CSMS sets the transaction's TxProfile again. The
  verdict is about how the CSMS answered those events and what it sent.

  # E16 (2.1): the station sets an energy limit (LimitSet, transactionLimit.maxEnergy) and ends the transaction when it
  # is reached (triggerReason and stoppedReason EnergyLimitReached); the CSMS answers both.
  @TC_E_106_CSMS @mandatory-core
  Scenario Outline: The station specifies an energy limit and ends the transaction at it
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the driver sets an energy limit of 500 Wh at the station on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.transactionLimit.maxEnergy" is "500"
    When 5 minutes pass
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "EnergyLimitReached"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # E16 (2.1): the station sets a time limit (LimitSet, transactionLimit.maxTime); a CSMS that sets no limit of its own
  # answers without transactionLimit; the transaction ends at the limit (TimeLimitReached), which the CSMS answers.
  @TC_E_107_CSMS @mandatory-core
  Scenario Outline: The station specifies a time limit and ends the transaction at it
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the driver sets a time limit of 120 s at the station on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "LimitSet" without "transactionLimit"
    When 3 minutes pass
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "TimeLimitReached"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # E16 (2.1) with local cost calculation: the CSMS gives the station a default tariff (SetDefaultTariff, 1.00 a minute
  # of charging time); the station prices the transaction with it, the driver sets a cost limit at the station
  # (LimitSet, transactionLimit.maxCost, costDetails), the station reports the running cost (RunningCost) and ends the
  # transaction when the cost reaches the limit (CostLimitReached). The CSMS sent the tariff as asked and answers all of it.
  @TC_E_108_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The station calculates the cost with the CSMS's tariff and ends the transaction at its cost limit
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a default tariff of 1.00 EUR per minute of charging time on EVSE 1
    Then the CSMS sent the "SetDefaultTariff" as asked
    Given EVSE 1 is EnergyTransferStarted with the valid token
    When the driver sets a cost limit of 2.00 at the station on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.transactionLimit.maxCost" is "2"
    When 3 minutes pass
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "RunningCost"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "CostLimitReached"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # E17 (2.1): power is lost during the transaction and back within TxCtrlr.TxResumptionTimeout. The station boots
  # (PowerUp), reports the connector Occupied, and resumes the transaction (E17.FR.15,
  # TransactionEvent Updated, triggerReason TxResumed); the CSMS accepts the boot and answers all of it.
  @TC_E_113_CSMS @mandatory-core
  Scenario Outline: A transaction resumes after a power loss within TxResumptionTimeout
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxResumptionTimeout" is "300"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the station loses power for 30 s
    Then the CSMS answered 2 "BootNotification" whose "reason" is "PowerUp"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "TxResumed"
    And the CSMS answered every "BootNotification" carrying "reason" with "status" = "Accepted"
    And the CSMS answered the "StatusNotification" whose "connectorStatus" is "Occupied"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # E17 (2.1): the CSMS set a TxProfile for the transaction; the station loses power, which it does not keep the
  # profile through, and resumes the transaction after the boot (TxResumed). The CSMS sets the TxProfile for the
  # transaction again.
  @TC_E_117_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS sets the TxProfile again for a transaction resumed after a power loss
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxResumptionTimeout" is "300"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS sets a TxProfile of 11000 W for the transaction on EVSE 1 at stack level 1
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When the station loses power for 30 s
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "TxResumed"
    And after the station's "TransactionEvent" whose "triggerReason" is "TxResumed" the CSMS soon sends a "SetChargingProfile" with "chargingProfile.chargingProfilePurpose" = "TxProfile"
    And the CSMS's TxProfile on EVSE 1 names the running transaction
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

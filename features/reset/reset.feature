@reset
Feature: Reset
  A CSMS resets a station; the station accepts and boots again.

  Scenario Outline: A reset is accepted and the station boots again
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"
    When the CSMS resets the station with a "<type>" reset
    Then the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the station soon has sent 2 "BootNotification"
    And the station soon sends a "StatusNotification"

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | type |
      | 1.6     | Soft |
      | 1.6     | Hard |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | type |
      | 2.0.1   | Soft |
      | 2.0.1   | Hard |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | type |
      | 2.1     | Hard |

  Scenario Outline: A soft reset during a transaction is scheduled until the transaction ends
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the station starts a transaction
    When the CSMS resets the station with a "Soft" reset
    Then the station answered "Reset" with "Scheduled"
    And the station sent 1 "BootNotification"
    When the CSMS stops the transaction on EVSE 1
    Then the station soon sends a "TransactionEvent" with "transactionInfo.stoppedReason" = "Remote"
    And the station soon has sent 2 "BootNotification"
    And the CSMS answered no call with an error
    And every frame is valid against the OCPP schema

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  Scenario Outline: A hard reset during a transaction ends it, then the station boots again
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the station starts a transaction
    When the CSMS resets the station with a "Hard" reset
    Then the station answered "Reset" with "Accepted"
    And the station soon sends a "<message>" with "<field>" = "<value>"
    And the station soon has sent 2 "BootNotification"
    And the CSMS answered no call with an error
    And every frame is valid against the OCPP schema

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | message          | field                         | value          |
      | 1.6     | StopTransaction  | reason                        | HardReset      |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | message          | field                         | value          |
      | 2.0.1   | TransactionEvent | transactionInfo.stoppedReason | ImmediateReset |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | message          | field                         | value          |
      | 2.1     | TransactionEvent | transactionInfo.stoppedReason | ImmediateReset |

@remote @transactions
Feature: Remote start and stop
  A CSMS starts a transaction on an EVSE for a token and later stops it; the station reports the
  transaction's start and end.

  @block-F
  Scenario Outline: The CSMS starts and stops a transaction remotely
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the station answered "RemoteStart" with "Accepted"
    And the station starts a transaction
    When the CSMS stops the transaction on EVSE 1
    Then the station answered "RemoteStop" with "Accepted"
    And the station soon sends a "<message>" with "<field>" = "<value>"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | message          | field     | value  |
      | 1.6     | StopTransaction  | reason    | Remote |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | message          | field     | value  |
      | 2.0.1   | TransactionEvent | eventType | Ended  |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | message          | field     | value  |
      | 2.1     | TransactionEvent | eventType | Ended  |

  Scenario Outline: A remote start on an EVSE the station does not have is rejected
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And the CSMS starts a transaction remotely on EVSE 9 for the valid token
    Then the station answered "RemoteStart" with "Rejected"
    And the station sent no "<start>"

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | start            |
      | 1.6     | StartTransaction |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | start            |
      | 2.0.1   | TransactionEvent |

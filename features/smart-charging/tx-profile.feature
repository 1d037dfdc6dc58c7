@smart-charging @requires:SmartCharging
Feature: TxProfile on a DC fast charger
  A CSMS that limits a running transaction with a TxProfile sees the station honour the limit in
  every meter value; a limit of zero suspends charging on the EVSE side.

  @block-K
  Scenario Outline: A 50 kW TxProfile is accepted and honoured on EVSE-DC-150kW-CCS-1port
    Given a station with profile "EVSE-DC-150kW-CCS-1port" on OCPP <version>
    And an EV "sedan-75" at 20% that wants 80%
    When the station connects to the CSMS
    And the CSMS limits EVSE 1 to 50 kW with a TxProfile
    Then the station answered "SetChargingProfile" with "Accepted"
    When the EV charges for 15 minutes
    Then every MeterValues "Power.Active.Import" on EVSE 1 is at most 50 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  Scenario Outline: A 0 kW TxProfile brings the charging state to SuspendedEVSE
    Given a station with profile "EVSE-DC-150kW-CCS-1port" on OCPP <version>
    And an EV "sedan-75" at 20% that wants 80%
    When the station connects to the CSMS
    And the CSMS limits EVSE 1 to 0 kW with a TxProfile
    Then the station answered "SetChargingProfile" with "Accepted"
    When the EV charges for 5 minutes
    Then the station soon sends a "<message>" with "<field>" = "SuspendedEVSE"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | message            | field                         |
      | 1.6     | StatusNotification | status                        |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | message            | field                         |
      | 2.0.1   | TransactionEvent   | transactionInfo.chargingState |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | message            | field                         |
      | 2.1     | TransactionEvent   | transactionInfo.chargingState |

  @block-K
  Scenario Outline: A TxDefaultProfile is accepted, reported in the composite schedule and cleared
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And the CSMS sets a TxDefaultProfile of 11 kW on EVSE 1
    Then the station answered "SetChargingProfile" with "Accepted"
    When the CSMS asks for the composite schedule of EVSE 1 over 3600 s
    Then the station answered "GetCompositeSchedule" with "Accepted"
    When the CSMS clears the charging profiles
    Then the station answered "ClearChargingProfile" with "Accepted"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

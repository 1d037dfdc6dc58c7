@conformance @block-J
Feature: Meter values sent by the station (block J)
  The station reports its readings as its device model says: clock-aligned values (AlignedDataCtrlr, use case J01) at
  whole multiples of the interval after midnight, in MeterValues while no transaction runs and in TransactionEvent
  Updated while one does, and the values kept for the end in the Ended event; sampled values (SampledDataCtrlr, J02)
  with Transaction.Begin in the start, Sample.Periodic while charging and Transaction.End in the end; signed with the
  meter's key when SignReadings is set. The CSMS under test must answer every one of those messages in time, without
  an error, with answers that are valid and fit what the station sent (J01.FR.18, J02.FR.19).

  @TC_J_01_CSMS @mandatory-core
  Scenario Outline: Clock-aligned meter values while no transaction is ongoing are answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AlignedDataCtrlr.Interval" is "300"
    And the station's setting "AlignedDataCtrlr.Measurands" is "Energy.Active.Import.Register,Voltage"
    And the station is Booted
    When 20 minutes pass
    Then the CSMS answered at least 3 "MeterValues" carrying "Sample.Clock" meter values
    And the CSMS's answers to every "MeterValues" are valid against the OCPP schema
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

  @TC_J_02_CSMS @mandatory-core
  Scenario Outline: Clock-aligned meter values during a transaction are answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AlignedDataCtrlr.Interval" is "300"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When 20 minutes pass
    Then the CSMS answered at least 3 "TransactionEvent" carrying "Sample.Clock" meter values
    And the CSMS answered the station's "TransactionEvent" with "triggerReason" = "MeterValueClock" carrying "Sample.Clock" meter values
    And the CSMS's answers to every "TransactionEvent" are valid against the OCPP schema
    And the CSMS answered every "TransactionEvent" with an idToken with its idTokenInfo
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

  @TC_J_03_CSMS @mandatory-core
  Scenario Outline: The Ended event carrying the clock-aligned values kept for the end is answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AlignedDataCtrlr.TxEndedInterval" is "300"
    And the station's setting "AlignedDataCtrlr.TxEndedMeasurands" is "Energy.Active.Import.Register"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When 20 minutes pass
    And the EV unplugs from EVSE 1
    Then the CSMS answered the station's "TransactionEvent" with "eventType" = "Ended" carrying "Sample.Clock, Transaction.End" meter values
    And the CSMS's answers to every "TransactionEvent" are valid against the OCPP schema
    And the CSMS answered every "TransactionEvent" with an idToken with its idTokenInfo
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

  @TC_J_04_CSMS @mandatory-core
  Scenario Outline: Signed clock-aligned meter values are answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AlignedDataCtrlr.Interval" is "300"
    And the station's setting "AlignedDataCtrlr.TxEndedInterval" is "300"
    And the station's setting "AlignedDataCtrlr.TxEndedMeasurands" is "Energy.Active.Import.Register"
    And the station's setting "AlignedDataCtrlr.SignReadings" is "true"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When 20 minutes pass
    And the EV unplugs from EVSE 1
    Then the CSMS answered at least 3 "TransactionEvent" carrying signed "Sample.Clock" meter values
    And the CSMS answered the station's "TransactionEvent" with "eventType" = "Ended" carrying signed "Sample.Clock" meter values
    And the CSMS's answers to every "TransactionEvent" are valid against the OCPP schema
    And the CSMS answered every "TransactionEvent" with an idToken with its idTokenInfo
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

  @TC_J_07_CSMS @mandatory-core
  Scenario Outline: The Started event carrying Transaction.Begin values on a known EVSE is answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "SampledDataCtrlr.TxStartedMeasurands" is "Energy.Active.Import.Register"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    Then the CSMS answered the station's "TransactionEvent" with "eventType" = "Started" carrying "Transaction.Begin" meter values
    And the CSMS answered the station's "TransactionEvent" with "evse.id" = "1" carrying "Transaction.Begin" meter values
    And the CSMS's answers to every "TransactionEvent" are valid against the OCPP schema
    And the CSMS answered every "TransactionEvent" with an idToken with its idTokenInfo
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

  @TC_J_08_CSMS @mandatory-core
  Scenario Outline: A Started event without EVSE, then the EVSE with Transaction.Begin values, is answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "Authorized"
    And the station's setting "SampledDataCtrlr.TxStartedMeasurands" is "Energy.Active.Import.Register"
    And the station is Booted
    And the driver presents the valid token at the station before choosing an EVSE
    And EVSE 1 is EVConnected
    Then the CSMS answered the station's "TransactionEvent" with "eventType" = "Started" and no "evse"
    And the CSMS answered the station's "TransactionEvent" with "triggerReason" = "CablePluggedIn" carrying "Transaction.Begin" meter values
    And the CSMS answered the station's "TransactionEvent" with "evse.id" = "1" carrying "Transaction.Begin" meter values
    And the CSMS's answers to every "TransactionEvent" are valid against the OCPP schema
    And the CSMS answered every "TransactionEvent" with an idToken with its idTokenInfo
    And the CSMS answered a "TransactionEvent" with "idTokenInfo.status" = "Accepted"
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

  @TC_J_09_CSMS @mandatory-core
  Scenario Outline: Updated events carrying sampled values are answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "SampledDataCtrlr.TxUpdatedInterval" is "60"
    And the station's setting "SampledDataCtrlr.TxUpdatedMeasurands" is "Energy.Active.Import.Register,Power.Active.Import"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When 3 minutes pass
    Then the CSMS answered at least 3 "TransactionEvent" carrying "Sample.Periodic" meter values
    And the CSMS answered the station's "TransactionEvent" with "triggerReason" = "MeterValuePeriodic" carrying "Sample.Periodic" meter values
    And the CSMS's answers to every "TransactionEvent" are valid against the OCPP schema
    And the CSMS answered every "TransactionEvent" with an idToken with its idTokenInfo
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

  @TC_J_10_CSMS @mandatory-core
  Scenario Outline: The Ended event carrying the sampled values kept for the end is answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "SampledDataCtrlr.TxEndedInterval" is "60"
    And the station's setting "SampledDataCtrlr.TxEndedMeasurands" is "Energy.Active.Import.Register"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When 3 minutes pass
    And the EV unplugs from EVSE 1
    Then the CSMS answered the station's "TransactionEvent" with "eventType" = "Ended" carrying "Sample.Periodic, Transaction.End" meter values
    And the CSMS's answers to every "TransactionEvent" are valid against the OCPP schema
    And the CSMS answered every "TransactionEvent" with an idToken with its idTokenInfo
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

  @TC_J_11_CSMS @mandatory-core
  Scenario Outline: The Ended event carrying signed sampled values is answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "SampledDataCtrlr.TxEndedInterval" is "60"
    And the station's setting "SampledDataCtrlr.TxEndedMeasurands" is "Energy.Active.Import.Register"
    And the station's setting "SampledDataCtrlr.SignReadings" is "true"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When 3 minutes pass
    And the EV unplugs from EVSE 1
    Then the CSMS answered the station's "TransactionEvent" with "eventType" = "Ended" carrying signed "Sample.Periodic, Transaction.End" meter values
    And the CSMS answered the station's "TransactionEvent" with "eventType" = "Started" carrying signed "Transaction.Begin" meter values
    And the CSMS's answers to every "TransactionEvent" are valid against the OCPP schema
    And the CSMS answered every "TransactionEvent" with an idToken with its idTokenInfo
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

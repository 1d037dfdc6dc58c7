@conformance @block-E
Feature: Transactions (block E)
  The station starts and stops its transactions where its device model says (TxCtrlr.TxStartPoint /
  TxStopPoint, OCPP 2.0.1 E01 / E06): when the EV parks or plugs in, when the driver is authorised (before or
  after the EV), when energy flows; and stops on the driver's stop, when the cable leaves the station or the EV,
  when the EV suspends, when it leaves the bay, when no EV comes in time. Whatever order the events come in, the
  CSMS answers every TransactionEvent in time and without an error, and a TransactionEvent carrying an idToken with
  the token's status in idTokenInfo (E01.FR.11/.12).

  @TC_E_09_CSMS @mandatory-core
  Scenario Outline: Start at EVConnected: the plug-in starts the transaction, without a token
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "EVConnected"
    And the station is Booted
    And EVSE 1 is EVConnected
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "CablePluggedIn"
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


  @TC_E_10_CSMS @mandatory-core
  Scenario Outline: Start at Authorized: the token starts the transaction before any EV is there
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "Authorized"
    And the station is Booted
    When the driver presents the valid token on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "eventType" is "Started"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "Authorized"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_01_CSMS @mandatory-core
  Scenario Outline: Start at PowerPathClosed: the token first, the transaction starts with the EV
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "PowerPathClosed"
    And the station is Booted
    And EVSE 1 is Authorized with the valid token
    When an EV "compact-ac" at 20% plugs into EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "eventType" is "Started"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.chargingState" is "Charging"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_02_CSMS @mandatory-core
  Scenario Outline: Start at EnergyTransfer: the Started event comes when energy flows (Charging)
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "EnergyTransfer"
    And the station is Booted
    And EVSE 1 is Authorized with the valid token
    When an EV "compact-ac" at 20% plugs into EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "ChargingStateChanged"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.chargingState" is "Charging"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_11_CSMS @mandatory-core
  Scenario Outline: Start at DataSigned: the Started event carries the meter's signed start value
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "DataSigned"
    And the station's setting "SampledDataCtrlr.SignReadings" is "true"
    And the station is Booted
    And EVSE 1 is Authorized with the valid token
    When an EV "compact-ac" at 20% plugs into EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "SignedDataReceived"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.chargingState" is "Charging"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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

  @TC_E_12_CSMS @mandatory-core
  Scenario Outline: Start at ParkingBayOccupancy: the bay detector sees the EV
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "ParkingBayOccupancy"
    And the station is Booted
    When the EV parks in the bay of EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "EVDetected"
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


  @TC_E_03_CSMS @mandatory-core
  Scenario Outline: Cable first: the plug-in starts it, the token authorises it, energy flows
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "EVConnected"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the valid token on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "Authorized"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.chargingState" is "Charging"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_04_CSMS @mandatory-core
  Scenario Outline: Authorization first: the token starts it, the EV plugs in after, energy flows
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "Authorized"
    And the station is Booted
    And EVSE 1 is Authorized with the valid token
    When an EV "compact-ac" at 20% plugs into EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "CablePluggedIn"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.chargingState" is "Charging"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_38_CSMS @mandatory-core
  Scenario Outline: EV not ready: authorised first, the EV plugs in but takes no energy yet
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "Authorized"
    And the station is Booted
    And EVSE 1 is Authorized with the valid token
    When an EV that is not ready to charge plugs into EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "CablePluggedIn"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.chargingState" is "SuspendedEV"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_53_CSMS @mandatory-core
  Scenario Outline: Two transactions in a row: each starts again from seqNo 0
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    And the driver presents the valid token on EVSE 1
    And an EV "compact-ac" at 20% plugs into EVSE 1
    Then the CSMS answered 2 "TransactionEvent" whose "seqNo" is "0"
    And the CSMS answered 2 "TransactionEvent" whose "eventType" is "Started"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_15_CSMS @mandatory-core
  Scenario Outline: Stop at Authorized: the driver's stop ends the transaction
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "Authorized"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the driver stops the transaction on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "StopAuthorized"
    And the CSMS answered the "TransactionEvent" whose "eventType" is "Ended"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_07_CSMS @mandatory-core
  Scenario Outline: Stop at PowerPathClosed: the driver's stop opens the power path and ends it
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "PowerPathClosed"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the driver stops the transaction on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "Local"
    And the CSMS answered the "TransactionEvent" whose "eventType" is "Ended"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_08_CSMS @mandatory-core
  Scenario Outline: Stop at EnergyTransfer: the driver's stop ends the energy flow and the transaction
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "EnergyTransfer"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the driver stops the transaction on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "StopAuthorized"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "Local"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_14_CSMS @mandatory-core
  Scenario Outline: Stop at EVConnected: it outlasts the driver's stop, ends when the cable leaves
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "EVConnected"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "StopAuthorized"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "EVDisconnected"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_22_CSMS @mandatory-core
  Scenario Outline: Stop at EnergyTransfer: the EV suspends and the transaction ends (StoppedByEV)
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "EnergyTransfer"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the EV on EVSE 1 suspends charging
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "StoppedByEV"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_19_CSMS @mandatory-core
  Scenario Outline: Stop at ParkingBayOccupancy: it outlasts the unplug, ends when the EV leaves
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "ParkingBayOccupancy"
    And the station is Booted
    And the EV parks in the bay of EVSE 1
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    And the EV leaves the bay of EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "EVCommunicationLost"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "EVDeparted"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_16_CSMS @mandatory-core
  Scenario Outline: Stop at Authorized: the CSMS refuses a token let in offline and it ends (Deauthorized)
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "Authorized"
    And the station's setting "AuthCtrlr.LocalAuthorizeOffline" is "true"
    And the station's setting "AuthCtrlr.OfflineTxForUnknownIdEnabled" is "true"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the connection drops
    And the driver presents the unknown token on EVSE 1
    And the connection is restored
    Then the CSMS answered the last "TransactionEvent" carrying "idToken" with "idTokenInfo.status" one of "Invalid, Unknown"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "Deauthorized"
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

  @TC_E_20_CSMS @mandatory-core
  Scenario Outline: Stop at EVConnected: the cable pulled out of a suspended EV ends it
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "EVConnected"
    And the station's setting "TxCtrlr.StopTxOnEVSideDisconnect" is "true"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    And the EV on EVSE 1 suspends charging
    When the cable is pulled out of the EV on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.chargingState" is "SuspendedEV"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "EVDisconnected"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_17_CSMS @mandatory-core
  Scenario Outline: Stop at Authorized: the cable pulled out of the EV deauthorises and ends it
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStopPoint" is "Authorized"
    And the station's setting "TxCtrlr.StopTxOnEVSideDisconnect" is "true"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    And the EV on EVSE 1 suspends charging
    When the cable is pulled out of the EV on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "EVCommunicationLost"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "EVDisconnected"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_26_CSMS @mandatory-core
  Scenario Outline: The cable pulled out of the EV suspends it; energy flows again once it is back
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.StopTxOnEVSideDisconnect" is "false"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    And the EV on EVSE 1 suspends charging
    When the cable is pulled out of the EV on EVSE 1
    And the cable is plugged back into the EV on EVSE 1
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "EVCommunicationLost"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "CablePluggedIn"
    And the CSMS answered 2 "TransactionEvent" whose "transactionInfo.chargingState" is "Charging"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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


  @TC_E_39_CSMS @mandatory-core
  Scenario Outline: Authorised, but no EV within EVConnectionTimeOut: it ends (Timeout)
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxStartPoint" is "Authorized"
    And the station's setting "TxCtrlr.EVConnectionTimeOut" is "30"
    And the station is Booted
    And EVSE 1 is Authorized with the valid token
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "EVConnectTimeout"
    And the CSMS answered the "TransactionEvent" whose "transactionInfo.stoppedReason" is "Timeout"
    And the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"
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

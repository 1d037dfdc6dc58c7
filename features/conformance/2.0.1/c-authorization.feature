@conformance @block-C
Feature: OCA CSMS cases of block C, Authorization (station-initiated)
  The station asks the CSMS about the tokens drivers present, starts from its authorization cache, lets a token of the
  same group stop a transaction, and lets a Master Pass stop transactions. Each case judges the CSMS: what it answered
  about each token (status, group), and that it answered every call in time without an error.

  @TC_C_02_CSMS @mandatory-core
  Scenario Outline: TC_C_02_CSMS Local start transaction - Authorization Invalid/Unknown
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the unknown token on EVSE 1
    Then the CSMS answered each "Authorize" of the unknown token with "idTokenInfo.status" one of "Invalid, Unknown"
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

  @TC_C_06_CSMS @mandatory-core
  Scenario Outline: TC_C_06_CSMS Local start transaction - Authorization Blocked
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the blocked token on EVSE 1
    Then the CSMS answered each "Authorize" of the blocked token with "idTokenInfo.status" one of "Blocked, Invalid"
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

  @TC_C_07_CSMS @mandatory-core
  Scenario Outline: TC_C_07_CSMS Local start transaction - Authorization Expired
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the expired token on EVSE 1
    Then the CSMS answered each "Authorize" of the expired token with "idTokenInfo.status" one of "Expired, Invalid"
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

  # The station holds the valid token as Accepted in its cache and, with LocalPreAuthorize, starts without an
  # Authorize; the CSMS must check the token when the transaction's event reaches it (C12.FR.03).
  @TC_C_08_CSMS @mandatory-core
  Scenario Outline: TC_C_08_CSMS Authorization through authorization cache - Accepted
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthCacheCtrlr.Enabled" is "true"
    And the station's setting "AuthCtrlr.LocalPreAuthorize" is "true"
    And the station's authorization cache holds the valid token as "Accepted"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the valid token on EVSE 1
    Then the CSMS answered each "TransactionEvent" of the valid token with "idTokenInfo.status" one of "Accepted"
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

  # The station's cache still holds a token as Accepted that the CSMS does not accept: the station starts from the
  # cache, and the CSMS's answer to the transaction's event must refuse the token (C12.FR.03); the station then ends
  # the transaction (StopTxOnInvalidId).
  @TC_C_20_CSMS @mandatory-core
  Scenario Outline: TC_C_20_CSMS Authorization through authorization cache - Invalid
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthCacheCtrlr.Enabled" is "true"
    And the station's setting "AuthCtrlr.LocalPreAuthorize" is "true"
    And the station's setting "TxCtrlr.StopTxOnInvalidId" is "true"
    And the station's authorization cache holds the unknown token as "Accepted"
    And the station is Booted
    And EVSE 1 is EVConnected
    When the driver presents the unknown token on EVSE 1
    Then the CSMS answered each "TransactionEvent" of the unknown token with "idTokenInfo.status" one of "Invalid, Unknown"
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

  # Two tokens of one group: the transaction started with the valid token is stopped by the other (C09.FR.03); the
  # CSMS gives both tokens their common groupIdToken each time it answers about them (C09.FR.02).
  @TC_C_39_CSMS @mandatory-core
  Scenario Outline: TC_C_39_CSMS Authorization by GroupId - Success
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the driver presents a token of the valid token's group on EVSE 1
    Then the CSMS answered each "Authorize" of the valid token with the group of the valid token
    And the CSMS answered each "TransactionEvent" of the valid token with the group of the valid token
    And the CSMS answered each "Authorize" of a token of the valid token's group with the group of the valid token
    And the CSMS answered each "TransactionEvent" of a token of the valid token's group with the group of the valid token
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

  # A station with a user interface: the Master Pass holder picks every transaction, and the station ends each with
  # stoppedReason MasterPass and the Master Pass token (C16.FR.01).
  @TC_C_47_CSMS @mandatory-core
  Scenario Outline: TC_C_47_CSMS Stop Transaction with a Master Pass - With UI - All transactions
    Given a station with profile "EVSE-AC-7.4kW-2port" on OCPP <version>
    And the station's setting "AuthCtrlr.MasterPassGroupId" is the group of the master pass token
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    And EVSE 2 is EnergyTransferStarted with a second valid token
    When the driver presents the master pass token on EVSE 1 and picks every transaction
    Then the CSMS answered each "Authorize" of the master pass token with the group of the master pass token
    And the CSMS answered each "TransactionEvent" of the master pass token with the group of the master pass token
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

  # As TC_C_47, the holder picking one transaction: the other goes on.
  @TC_C_48_CSMS @mandatory-core
  Scenario Outline: TC_C_48_CSMS Stop Transaction with a Master Pass - With UI - Specific transactions
    Given a station with profile "EVSE-AC-7.4kW-2port" on OCPP <version>
    And the station's setting "AuthCtrlr.MasterPassGroupId" is the group of the master pass token
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    And EVSE 2 is EnergyTransferStarted with a second valid token
    When the driver presents the master pass token on EVSE 1 and picks the transaction on EVSE 1
    Then the CSMS answered each "Authorize" of the master pass token with the group of the master pass token
    And the CSMS answered each "TransactionEvent" of the master pass token with the group of the master pass token
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

  # A station without a user interface stops every transaction when a Master Pass is presented (C16.FR.02), each
  # ended with stoppedReason MasterPass and the token that started it.
  @TC_C_49_CSMS @mandatory-core
  Scenario Outline: TC_C_49_CSMS Stop Transaction with a Master Pass - Without UI
    Given a station with profile "EVSE-AC-7.4kW-2port" on OCPP <version>
    And the station's setting "AuthCtrlr.MasterPassGroupId" is the group of the master pass token
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    And EVSE 2 is EnergyTransferStarted with a second valid token
    When the driver presents the master pass token on EVSE 1
    Then the CSMS answered each "Authorize" of the master pass token with the group of the master pass token
    And the CSMS answered each "TransactionEvent" of the valid token with "idTokenInfo.status" one of "Accepted"
    And the CSMS answered each "TransactionEvent" of a second valid token with "idTokenInfo.status" one of "Accepted"
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

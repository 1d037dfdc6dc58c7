@conformance @block-P
Feature: P DataTransfer - the CSMS and vendor data it does not know
  The station-initiated OCA cases of block P. A DataTransfer of a vendor or message the CSMS has no implementation
  for is answered UnknownVendorId (P02.FR.06), UnknownMessageId (P02.FR.07) or Rejected - never Accepted, never with a
  CALLERROR. A message carrying a customData object of a vendor the CSMS does not know is processed as usual.

  @TC_P_02_CSMS @mandatory-core
  Scenario Outline: A DataTransfer of an unknown vendor and message is not accepted
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the station sends a DataTransfer with vendor id "com.example.dersim.unknown" and message id "NoSuchMessage"
    Then the CSMS answered the last "DataTransfer" with "status" one of "UnknownVendorId, UnknownMessageId, Rejected"
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

  @TC_P_03_CSMS @mandatory-core
  Scenario Outline: Messages carrying custom data are processed as usual
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station adds custom data of vendor "com.example.dersim" with field "dersimNote" = "extra data the CSMS may ignore" to its messages
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    Then the CSMS answered every "StatusNotification" carrying customData without an error
    And the CSMS answered every "TransactionEvent" carrying customData without an error
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

@conformance @block-B
Feature: B Provisioning - OCPP 2.1 only: network profiles with credentials or as variables, and resets that resume the transaction
  The OCA cases of block B that only OCPP 2.1 has. The CSMS stores a network connection profile that carries the
  connection's own Basic-auth identity and password (B09), or adds one with SetVariables of the NetworkConfiguration
  component and moves the station onto it (B09, B10). It resets the station with ImmediateAndResume: the station
  reboots at once and, with a transaction running, resumes it after the boot instead of ending it (B12, E17). The
  verdict is about what the CSMS sent and how it took the boot, the status reports and the resumed transaction. The
  CSMS also picks the version's WebSocket subprotocol among those a station offers (OCPP-J).

  # B09 (2.1): connectionData carries identity and basicAuthPassword; the station stores the profile (B09.FR.01).
  @TC_B_100_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A network connection profile with an identity and a password is stored
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets the network profile of slot 2 to its own URL with an identity and a password
    Then the CSMS sent the "SetNetworkProfile" as asked
    And the CSMS's last "SetNetworkProfile" carries "connectionData.identity"
    And the CSMS's last "SetNetworkProfile" carries "connectionData.basicAuthPassword"
    And the station answered "SetNetworkProfile" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # B09 (2.1): instead of SetNetworkProfile the CSMS adds a network configuration with one SetVariables of the
  # NetworkConfiguration component, whose instance is the configuration slot: the connection's URL, interface,
  # transport, message timeout and security profile, and ApnEnabled and VpnEnabled false for a connection without APN or
  # VPN; each for the actual value (B05.FR.12). It puts the slot first in OCPPCommCtrlr.NetworkConfigurationPriority and
  # resets the station (B10), which boots again through the new slot; the CSMS accepts that boot.
  @TC_B_105_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A network configuration added with SetVariables, put first and connected through after a reset
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS adds a network configuration in slot 2 for its own URL with SetVariables
    Then the CSMS sent the "SetNetworkConfiguration" as asked
    And every "setVariableData" item of the CSMS's last "SetNetworkConfiguration" has "attributeType" absent or one of "Actual"
    And the station answered every "setVariableResult" item of "SetNetworkConfiguration" with "attributeStatus" = "Accepted"
    When the CSMS sets variable "OCPPCommCtrlr.NetworkConfigurationPriority" to "2,1"
    Then the CSMS sent the "SetVariables" as asked
    And the station answered "SetVariables" with "setVariableResult[0].attributeStatus" = "Accepted"
    When the CSMS resets the station
    Then the CSMS sent the "Reset" as asked
    And the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the CSMS answered the "BootNotification" whose "reason" is "RemoteReset" with "status" = "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # B12 (2.1): an ImmediateAndResume reset of the whole station while a transaction runs. The station reboots at once
  # without ending it, boots with reason RemoteReset, reports the connector Occupied and resumes the transaction within
  # TxCtrlr.TxResumptionTimeout (E17.FR.15: TransactionEvent Updated, triggerReason TxResumed), which the CSMS takes.
  @TC_B_103_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An ImmediateAndResume reset during a transaction: the transaction resumes after the reboot
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "TxCtrlr.TxResumptionTimeout" is "300"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS resets the station with an "ImmediateAndResume" reset
    Then the CSMS sent the "Reset" as asked
    And the CSMS's last "Reset" has no "evseId"
    And the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the CSMS answered the "BootNotification" whose "reason" is "RemoteReset" with "status" = "Accepted"
    And the CSMS answered the "StatusNotification" whose "connectorStatus" is "Occupied"
    And the CSMS answered the "TransactionEvent" whose "triggerReason" is "TxResumed"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # B12 (2.1): an ImmediateAndResume reset of an idle station: it reboots at once, boots with reason RemoteReset and
  # reports its connectors Available; the CSMS accepts the boot and answers the reports.
  @TC_B_104_CSMS @mandatory-core @csms-initiated
  Scenario Outline: An ImmediateAndResume reset of an idle station: it reboots and the CSMS accepts its boot
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS resets the station with an "ImmediateAndResume" reset
    Then the CSMS sent the "Reset" as asked
    And the CSMS's last "Reset" has no "evseId"
    And the station answered "Reset" with "Accepted"
    When 10 s of simulated time pass
    Then the CSMS answered the "BootNotification" whose "reason" is "RemoteReset" with "status" = "Accepted"
    And the CSMS answered 2 "StatusNotification" whose "connectorStatus" is "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # OCPP-J (2.1 part 4, §3.1.2): the station names the exact OCPP version in Sec-WebSocket-Protocol. Offered only a
  # subprotocol it does not support, the CSMS does not upgrade the connection; offered that one and the version's, it
  # upgrades it and answers Sec-WebSocket-Protocol with the version's subprotocol.
  @TC_B_58_CSMS @mandatory-core
  Scenario Outline: The CSMS picks the OCPP version's subprotocol among those offered and refuses only unknown ones
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the station connects offering the subprotocols "ocpp0.1"
    Then the CSMS did not upgrade the connection
    When the station connects offering the subprotocols "ocpp0.1,<subprotocol>"
    Then the CSMS upgraded the connection with the subprotocol "<subprotocol>"

    @ocpp2.1
    Examples: OCPP 2.1
      | version | subprotocol |
      | 2.1     | ocpp2.1     |

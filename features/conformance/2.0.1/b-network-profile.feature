@conformance @block-B
Feature: B Provisioning - the CSMS sets a station's network connection profile
  The CSMS-initiated OCA cases of use case B09: the CSMS stores a NetworkConnectionProfile in one of the station's
  configuration slots, with transport JSON and the connection details it wants the station to use, and copes with a
  station that could not store it.

  # B09.FR.01: the station validates and stores the profile and answers Accepted.
  @TC_B_42_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A new network connection profile is stored
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets the network profile of slot 2 to its own URL
    Then the CSMS sent the "SetNetworkProfile" as asked
    And the station answered "SetNetworkProfile" with "Accepted"
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

  # B09.FR.03: a valid profile the station fails to store is answered Failed; the CSMS carries on with the station.
  @TC_B_44_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A network connection profile the station could not store
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station cannot store network profiles
    When the CSMS sets the network profile of slot 2 to its own URL
    Then the CSMS sent the "SetNetworkProfile" as asked
    And the station answered "SetNetworkProfile" with "Failed"
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

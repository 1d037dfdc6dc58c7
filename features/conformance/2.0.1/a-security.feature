@conformance @block-A
Feature: A Security - how the CSMS authenticates stations and secures the connection
  The station-initiated OCA cases of block A. Basic authentication (security profile 1 or 2): the CSMS upgrades a
  connection whose user name is the station id and whose password is right, and refuses the upgrade (HTTP 401)
  otherwise. TLS with a server certificate (profile 2 or 3): the CSMS negotiates TLS 1.2 or above with a certificate
  the station trusts, and refuses a station that offers only an older TLS. A CSMS whose target declaration names
  another security profile is not asked: those cases are not applicable.

  @TC_A_01_CSMS @mandatory-core
  Scenario Outline: Basic authentication with the station id and its password is accepted
    Given the CSMS uses Basic authentication
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"
    And the station reports every connector as "Available"
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

  @TC_A_02_CSMS @mandatory-core
  Scenario Outline: Basic authentication with a user name that is not the station id is refused
    Given the CSMS uses Basic authentication
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station presents a user name other than its station id
    When the station tries to connect to the CSMS
    Then the CSMS refused the WebSocket upgrade with HTTP 401

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  @TC_A_03_CSMS @mandatory-core
  Scenario Outline: Basic authentication with a wrong password is refused
    Given the CSMS uses Basic authentication
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station presents a wrong password
    When the station tries to connect to the CSMS
    Then the CSMS refused the WebSocket upgrade with HTTP 401

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  @TC_A_04_CSMS @mandatory-core
  Scenario Outline: TLS with a valid server certificate
    Given the CSMS uses TLS with a server certificate
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS's TLS handshake gives TLS 1.2 or higher and a trusted certificate
    And the CSMS answers the boot with "Accepted"
    And the station reports every connector as "Available"
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

  @TC_A_06_CSMS @mandatory-core
  Scenario Outline: A station that offers only TLS 1.1 or 1.0 is refused, then connects with TLS 1.2
    Given the CSMS uses TLS with a server certificate
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station offers only TLS "1.1" to the CSMS
    Then the CSMS refused the TLS handshake
    When the station offers only TLS "1.0" to the CSMS
    Then the CSMS refused the TLS handshake
    When the station connects to the CSMS
    Then the CSMS's TLS handshake gives TLS 1.2 or higher and a trusted certificate
    And the CSMS answers the boot with "Accepted"
    And the station reports every connector as "Available"
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

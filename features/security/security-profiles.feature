@security @block-A
Feature: Security profiles
  A station authenticates with a Basic-auth password over ws:// (security profile 1) or over TLS (profile 2), or with
  a client certificate whose common name is its id (profile 3). The CSMS refuses a wrong password and a certificate
  it cannot trust; the station refuses a CSMS whose certificate it cannot trust. On the embedded CSMS every scenario
  sets its profile up with throw-away certificates; against a CSMS under test only the declared profile runs, with
  the declared passwords, CA and client certificates.

  Scenario Outline: A station boots in security profile 1 (Basic auth)
    Given the CSMS uses security profile 1
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"

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

  Scenario Outline: A station boots in security profile 2 (Basic auth over TLS)
    Given the CSMS uses security profile 2
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"
    And the connection is encrypted

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

  Scenario Outline: A station boots in security profile 3 (client certificate)
    Given the CSMS uses security profile 3
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"
    And the connection is encrypted

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

  @ocpp2.0.1
  Scenario: A wrong password is refused
    Given the CSMS uses security profile 1
    And a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
    And the station presents a wrong password
    When the station tries to connect to the CSMS
    Then the connection is refused: "rejected Basic auth"
    And the CSMS logged a refusal: "HTTP 401"

  @ocpp2.0.1
  Scenario: A CSMS certificate for another host is refused by the station
    Given the CSMS uses security profile 2
    And the CSMS presents a certificate for another host
    And a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
    When the station tries to connect to the CSMS
    Then the connection is refused: "RemoteCertificateNameMismatch"

  @ocpp2.0.1
  Scenario: A CSMS certificate from a CA the station does not trust is refused
    Given the CSMS uses security profile 2
    And a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
    And the station trusts another CA
    When the station tries to connect to the CSMS
    Then the connection is refused: "server certificate not trusted"

  @ocpp2.0.1
  Scenario: An expired client certificate is refused
    Given the CSMS uses security profile 3
    And a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
    And the station's client certificate has expired
    When the station tries to connect to the CSMS
    Then the connection is refused: "refused the client certificate"
    And the CSMS logged a refusal: "not valid now"

  @ocpp2.0.1
  Scenario: A client certificate naming another station is refused
    Given the CSMS uses security profile 3
    And a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
    And the station's client certificate names another station
    When the station tries to connect to the CSMS
    Then the connection is refused: "HTTP 403"
    And the CSMS logged a refusal: "is not the station id"

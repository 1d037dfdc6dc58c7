@conformance @block-A
Feature: A Security - the CSMS changes a station's credentials and checks its client certificate
  The OCA cases of block A where the CSMS acts on a station's security: it gives the station a new Basic-auth
  password and then accepts the station with it (or keeps accepting the old one when the station could not store
  it), it signs the certificate the station asks for and accepts the station's connection with it, and with security
  profile 3 it admits a station by a valid client certificate and turns an invalid one away. A CSMS whose target
  declaration names another security profile is not asked: those cases are not applicable.

  # A01: the CSMS sends SetVariables of SecurityCtrlr.BasicAuthPassword (A01.FR.02); once the station accepted it, the
  # CSMS expects the new password (A01.FR.03). The station closes its connection after its answer and connects again
  # with the new password; the CSMS then gives it back its declared password, so later cases connect as before.
  @TC_A_09_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A new Basic-auth password the station accepted is the one the CSMS admits it with
    Given the CSMS uses Basic authentication
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a new Basic-auth password for the station
    Then the CSMS sent the "SetVariables" as asked
    And the station answered "SetVariables" with "setVariableResult[0].attributeStatus" = "Accepted"
    And the CSMS accepted the station's reconnection
    When the CSMS sets the station's Basic-auth password back to the declared one
    Then the CSMS accepted the station's reconnection
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

  # A01.FR.04: a station that answers the new password with anything but Accepted keeps its old one, and the CSMS
  # still accepts its connection with it.
  @TC_A_10_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A new Basic-auth password the station could not store leaves the old one in force
    Given the CSMS uses Basic authentication
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station cannot store a new Basic-auth password
    When the CSMS sets a new Basic-auth password for the station
    Then the CSMS sent the "SetVariables" as asked
    And the station answered "SetVariables" with "setVariableResult[0].attributeStatus" = "Rejected"
    When the station reconnects to the CSMS
    Then the CSMS accepted the station's reconnection
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

  # A05 with B09/B10: the CSMS stores a network connection profile of a higher security profile (1 to 2: Basic auth
  # over TLS) in a free slot, puts that slot first in OCPPCommCtrlr.NetworkConfigurationPriority and resets the station,
  # which comes back with the new profile. The CSMS admits it so; once upgraded, it no longer admits the station with
  # the lower profile, and keeps admitting it with the higher one.
  @TC_A_19_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A station moved to a higher security profile is admitted with it and no longer with the lower one
    Given the CSMS uses security profile 1
    And the CSMS also serves security profile 2
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets the network profile of slot 2 to its security profile 2 URL
    Then the CSMS sent the "SetNetworkProfile" as asked
    And the station answered "SetNetworkProfile" with "Accepted"
    When the CSMS sets variable "OCPPCommCtrlr.NetworkConfigurationPriority" to "2,1"
    Then the CSMS sent the "SetVariables" as asked
    And the station answered "SetVariables" with "setVariableResult[0].attributeStatus" = "Accepted"
    When the CSMS resets the station
    Then the CSMS sent the "Reset" as asked
    And the CSMS accepted the station's reconnection with security profile 2
    When the station tries to connect with security profile 1 again
    Then the CSMS refused the station's connection with security profile 1
    When the station reconnects to the CSMS
    Then the CSMS accepted the station's reconnection
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

  # A00 security profile 3: the CSMS is the TLS server with its own certificate (A00.FR.409/410), TLS 1.2 or above
  # (A00.FR.416), and admits a station presenting a valid client certificate whose CN is its id.
  @TC_A_07_CSMS @mandatory-advanced-security
  Scenario Outline: A station with a valid client certificate is admitted
    Given the CSMS uses security profile 3
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

  # A00.FR.405/407: a client certificate that is expired, names another station or comes from a CA the CSMS does not
  # trust ends the connection; the same station with its valid certificate is then admitted.
  @TC_A_08_CSMS @mandatory-advanced-security
  Scenario Outline: A station with an invalid client certificate is turned away, then admitted with a valid one
    Given the CSMS uses security profile 3
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station presents a client certificate that is "<invalid>"
    When the station tries to connect to the CSMS
    Then the CSMS turned away the station's client certificate
    When the station connects again with its valid client certificate
    Then the CSMS answers the boot with "Accepted"
    And the station reports every connector as "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | invalid             |
      | 2.0.1   | from an unknown CA  |
      | 2.0.1   | expired             |
      | 2.0.1   | for another station |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | invalid             |
      | 2.1     | from an unknown CA  |
      | 2.1     | expired             |
      | 2.1     | for another station |

  # A02 with F06: the CSMS asks for a new certificate with TriggerMessage SignChargingStationCertificate, accepts the
  # station's SignCertificate (A02.FR.11), sends the signed chain in CertificateSigned with the request's
  # certificateType (A02.FR.14), and admits the station when it connects with its new certificate.
  @TC_A_11_CSMS @mandatory-advanced-security @csms-initiated
  Scenario Outline: The station's certificate renewed at the CSMS's request is the one the CSMS admits it with
    Given the CSMS uses security profile 3
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS triggers a "SignChargingStationCertificate"
    Then the CSMS sent the "TriggerMessage" as asked
    And the CSMS signed the station's certificate request
    And the station answered the CSMS's last "CertificateSigned" with "status" = "Accepted"
    When the station reconnects to the CSMS
    Then the CSMS accepted the station's reconnection
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

  # A02: the station refuses a certificate it cannot verify (CertificateSigned Rejected) and reports
  # InvalidChargingStationCertificate, which the CSMS answers like any SecurityEventNotification.
  @TC_A_14_CSMS @mandatory-advanced-security @csms-initiated
  Scenario Outline: A renewed certificate the station rejects is reported and answered
    Given the CSMS uses security profile 3
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station checks its new certificate against another CA
    When the CSMS triggers a "SignChargingStationCertificate"
    Then the CSMS sent the "TriggerMessage" as asked
    And the CSMS signed the station's certificate request
    And the station answered the CSMS's last "CertificateSigned" with "status" = "Rejected"
    And the CSMS answered the "SecurityEventNotification" whose "type" is "InvalidChargingStationCertificate"
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

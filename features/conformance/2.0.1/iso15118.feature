@conformance @block-M @block-A @block-K
Feature: ISO 15118 Support - the CSMS manages the station's V2G certificates and relays the EV's certificates
  The OCA cases of the "ISO 15118 Support" certification profile that DerSim plays for real: the CSMS installs and
  lists the V2G and mobility operator roots, signs the station's V2G certificate, lists the station's V2G chain,
  answers the station's OCSP requests for it, relays the EV's contract certificate requests and sets a TxDefaultProfile
  for every EVSE. The certificates are real X.509 (made with .NET's crypto APIs); ISO 15118's EXI is not encoded: the
  station sends the base64 DER of the EV's certificate as exiRequest and expects the base64 PEM contract chain back
  (DerSim's stand-in; OCPP treats both as opaque base64). The verdict is about what the CSMS sent and answered.

  # M05 for the V2G root (the root of the certificates the station and the EV use in ISO 15118's TLS): the CALL
  # carries that type and the certificate it was given (M05.FR.01), and the CSMS takes the Accepted answer.
  @TC_M_03_CSMS @mandatory-iso15118 @csms-initiated
  Scenario Outline: The CSMS installs a V2G root certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS installs a new "V2GRootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the CSMS's "InstallCertificate" carries the certificate it was asked for
    And the station answered "InstallCertificate" with "Accepted"
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

  # M05 for a mobility operator root (the root contract certificates lead to).
  @TC_M_04_CSMS @mandatory-iso15118 @csms-initiated
  Scenario Outline: The CSMS installs a mobility operator root certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS installs a new "MORootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the CSMS's "InstallCertificate" carries the certificate it was asked for
    And the station answered "InstallCertificate" with "Accepted"
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

  # M03.FR.01: the CSMS asks for the V2G roots only; the station lists the one it holds.
  @TC_M_14_CSMS @mandatory-iso15118 @csms-initiated
  Scenario Outline: The CSMS retrieves the V2G root certificates
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station already trusts a "V2GRootCertificate"
    When the CSMS asks for the installed "V2GRootCertificate" certificates
    Then the CSMS sent the "GetInstalledCertificateIds" as asked
    And the station answered "GetInstalledCertificateIds" with "Accepted"
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

  # M03.FR.05: asked for the V2GCertificateChain, the station lists its V2G certificate with the sub-CA as its child;
  # the CSMS asked for exactly that type.
  @TC_M_15_CSMS @mandatory-iso15118 @csms-initiated
  Scenario Outline: The CSMS retrieves the station's V2G certificate chain
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a V2G certificate chain under a V2G root it trusts
    When the CSMS asks for the installed "V2GCertificateChain" certificates
    Then the CSMS sent the "GetInstalledCertificateIds" as asked
    And the station answered "GetInstalledCertificateIds" with "Accepted"
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

  # M03.FR.01: the CSMS asks for the mobility operator roots only.
  @TC_M_16_CSMS @mandatory-iso15118 @csms-initiated
  Scenario Outline: The CSMS retrieves the mobility operator root certificates
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station already trusts a "MORootCertificate"
    When the CSMS asks for the installed "MORootCertificate" certificates
    Then the CSMS sent the "GetInstalledCertificateIds" as asked
    And the station answered "GetInstalledCertificateIds" with "Accepted"
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

  # A02 for the V2G certificate: the CSMS asks for it with TriggerMessage SignV2GCertificate, accepts the station's
  # SignCertificate of certificateType V2GCertificate (A02.FR.11) and sends the signed chain in CertificateSigned with
  # that certificateType (A02.FR.14), for the key of the station's CSR.
  @TC_A_12_CSMS @mandatory-iso15118 @csms-initiated @requires:ISO15118Support
  Scenario Outline: The CSMS has the station's V2G certificate renewed
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS triggers a "SignV2GCertificate"
    Then the CSMS sent the "TriggerMessage" as asked
    And the CSMS signed the station's certificate request
    And the station answered the CSMS's last "CertificateSigned" with "status" = "Accepted"
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

  # M06: the station asks for the OCSP status of the sub-CA of its V2G chain (one the CSMS's PKI signed); the CSMS
  # answers Accepted with the DER OCSPResponse for that very certificate, base64 (M06.FR.02/08/09).
  @TC_M_24_CSMS @mandatory-iso15118 @requires:ISO15118Support
  Scenario Outline: The CSMS gives the OCSP status of the station's V2G certificate chain
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a V2G certificate the CSMS signed
    When the station asks the CSMS for the OCSP status of its V2G certificate chain
    Then the CSMS answered each "GetCertificateStatus" with the OCSP response for the certificate asked about
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

  # M01: the EV asks for a contract certificate over ISO 15118-2; the station relays it with Get15118EVCertificate
  # (action Install) and the CSMS returns the raw response for the EV, Accepted (M01.FR.01).
  @TC_M_26_CSMS @mandatory-iso15118 @requires:ISO15118Support
  Scenario Outline: The CSMS relays the installation of the EV's contract certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the EV asks the station to install a contract certificate over ISO 15118-2
    Then the CSMS answered the last "Get15118EVCertificate" with "status" one of "Accepted"
    And the CSMS answered the last "Get15118EVCertificate" with base64 in "exiResponse"
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

  # M02: the EV asks to update the contract certificate it holds; the station relays it (action Update) and the CSMS
  # returns the raw response for the EV, Accepted (M02.FR.01).
  @TC_M_28_CSMS @mandatory-iso15118 @requires:ISO15118Support
  Scenario Outline: The CSMS relays the update of the EV's contract certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    And the EV already holds a contract certificate
    When the EV asks the station to update its contract certificate over ISO 15118-2
    Then the CSMS answered the last "Get15118EVCertificate" with "status" one of "Accepted"
    And the CSMS answered the last "Get15118EVCertificate" with base64 in "exiResponse"
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

  # K01 with evseId 0: a TxDefaultProfile for every EVSE, Absolute, valid from now for the schedule's duration, its
  # first period from 0 (K01.FR.31); the CSMS numbers the profile and stamps the validity and the start itself.
  @TC_K_10_CSMS @mandatory-iso15118 @csms-initiated
  Scenario Outline: A TxDefaultProfile is set for all EVSEs
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a "TxDefaultProfile" of 6 A on EVSE 0 at stack level 1 for 300 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.validFrom"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.validTo"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.chargingSchedule[0].startSchedule"
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

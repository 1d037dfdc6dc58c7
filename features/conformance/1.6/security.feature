@conformance @profile-security
Feature: Security (OCPP 1.6 security extension) - credentials, certificates, security log and signed firmware
  The OCA cases of the security extension of OCPP 1.6-J ("Improved security for OCPP 1.6-J"): how the Central System
  authenticates the charge point and secures the connection (Basic auth, TLS, client certificates, the WebSocket
  subprotocol), and what it does when it manages the charge point's security (a new password, the charge point's
  certificate signed at its request, CA certificates installed and deleted, the security log uploaded, a signed firmware
  update) and how it takes the security events the charge point reports. The charge point is DerSim's, and does all of
  this for real; the verdict is about what the Central System sent and how it answered. A Central System whose target
  declaration names another security profile than a case needs is not asked: that case is not applicable.

  # Whitepaper 1.3: the Central System gives the charge point a new password in AuthorizationKey (ChangeConfiguration),
  # 16 to 20 bytes hex-encoded; once the charge point accepted it, the Central System admits it with that password. It
  # then gives the charge point back its declared password, so later cases connect as before.
  @TC_073_CSMS @mandatory-security @csms-initiated
  Scenario Outline: A new AuthorizationKey the charge point accepted is the password the Central System admits it with
    Given the CSMS uses Basic authentication
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a new Basic-auth password for the station
    Then the CSMS sent the "ChangeConfiguration" as asked
    And the station answered "ChangeConfiguration" with "Accepted"
    And the CSMS's new Basic-auth password is 16 to 20 bytes in hex
    And the CSMS accepted the station's reconnection
    When the CSMS sets the station's Basic-auth password back to the declared one
    Then the CSMS accepted the station's reconnection
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 2.2: the Central System asks for a new charge point certificate (ExtendedTriggerMessage
  # SignChargePointCertificate, no connectorId), accepts the CSR the charge point sends in SignCertificate, sends the
  # certificate its CA signed in CertificateSigned, and admits the charge point when it connects with it.
  @TC_074_CSMS @mandatory-security @csms-initiated
  Scenario Outline: The charge point's certificate renewed at the Central System's request is the one it is admitted with
    Given the CSMS uses security profile 3
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS triggers a "SignChargePointCertificate" with ExtendedTriggerMessage
    Then the CSMS sent the "ExtendedTriggerMessage" as asked
    And the CSMS's last "ExtendedTriggerMessage" has no "connectorId"
    And the CSMS signed the station's certificate request
    And the station answered the CSMS's last "CertificateSigned" with "status" = "Accepted"
    When the station reconnects to the CSMS
    Then the CSMS accepted the station's reconnection
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 3.2: the Central System installs a CA certificate of each type; the CALL carries the type and the very
  # certificate it was given.
  @TC_075_1_CSMS @mandatory-security @csms-initiated
  Scenario Outline: The Central System installs a manufacturer root certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS installs a new "ManufacturerRootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the CSMS's "InstallCertificate" carries the certificate it was asked for
    And the station answered "InstallCertificate" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  @TC_075_2_CSMS @mandatory-security @csms-initiated
  Scenario Outline: The Central System installs a Central System root certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS installs a new "CentralSystemRootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the CSMS's "InstallCertificate" carries the certificate it was asked for
    And the station answered "InstallCertificate" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 3.3/3.4: after installing a Central System root, the Central System lists the installed ones
  # (GetInstalledCertificateIds) and deletes it by the hash data the charge point reported, in the hash algorithm the
  # charge point used (each of SHA256, SHA384, SHA512).
  @TC_076_CSMS @mandatory-security @csms-initiated
  Scenario Outline: The Central System deletes a certificate by the hash data the charge point reported
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station reports certificate hash data with "<hash>"
    When the CSMS installs a new "CentralSystemRootCertificate" on the station
    Then the station answered "InstallCertificate" with "Accepted"
    When the CSMS asks for the installed "CentralSystemRootCertificate" certificates
    Then the CSMS sent the "GetInstalledCertificateIds" as asked
    And the station answered "GetInstalledCertificateIds" with "Accepted"
    When the CSMS deletes the "CentralSystemRootCertificate" it installed
    Then the CSMS sent the "DeleteCertificate" as asked
    And the CSMS's "DeleteCertificate" names the certificate as the station reported it
    And the station answered "DeleteCertificate" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version | hash   |
      | 1.6     | SHA256 |
      | 1.6     | SHA384 |
      | 1.6     | SHA512 |

  # Whitepaper 2.2 and its security events: the charge point refuses a certificate it cannot verify (CertificateSigned
  # Rejected) and reports InvalidChargePointCertificate, which the Central System answers.
  @TC_077_CSMS @mandatory-security @csms-initiated
  Scenario Outline: A renewed certificate the charge point rejects is reported and the report answered
    Given the CSMS uses security profile 3
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station checks its new certificate against another CA
    When the CSMS triggers a "SignChargePointCertificate" with ExtendedTriggerMessage
    Then the CSMS sent the "ExtendedTriggerMessage" as asked
    And the CSMS signed the station's certificate request
    And the station answered the CSMS's last "CertificateSigned" with "status" = "Rejected"
    And the CSMS answered the "SecurityEventNotification" whose "type" is "InvalidChargePointCertificate"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 3.2: with AdditionalRootCertificateCheck on, a new Central System root must be signed by the one the
  # charge point holds; the charge point refuses one that is not (InstallCertificate Rejected) and reports
  # InvalidCentralSystemCertificate, which the Central System answers.
  @TC_078_CSMS @mandatory-security @csms-initiated
  Scenario Outline: A Central System root the charge point refuses is reported and the report answered
    Given the CSMS uses TLS with a server certificate
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AdditionalRootCertificateCheck" is "true"
    And the station is Booted
    And the station already trusts a "CentralSystemRootCertificate"
    When the CSMS installs a new "CentralSystemRootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the station answered "InstallCertificate" with "Rejected"
    And the CSMS answered the "SecurityEventNotification" whose "type" is "InvalidCentralSystemCertificate"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 5: the Central System asks for the security log (GetLog SecurityLog) to be uploaded and answers the
  # LogStatusNotifications of the upload (Uploading, then Uploaded).
  @TC_079_CSMS @mandatory-security @csms-initiated
  Scenario Outline: The Central System retrieves the security log
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the "SecurityLog" to be uploaded to the scenario's file server
    And 1 minute passes
    Then the CSMS sent the "GetLog" as asked
    And the station soon sends a "LogStatusNotification" with "status" = "Uploaded"
    And the CSMS answered every "LogStatusNotification" the station sent about its "GetLog"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 4: the Central System sends SignedUpdateFirmware with the location, the signing certificate and the
  # signature; the charge point downloads, verifies, installs and reboots, and the Central System answers every
  # SignedFirmwareStatusNotification, the StatusNotifications and the FirmwareUpdated security event on the way.
  @TC_080_CSMS @mandatory-security @csms-initiated @requires:FirmwareManagement
  Scenario Outline: A signed firmware update is sent with its signature and every report of it answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a secure firmware update with "a valid signature"
    Then the station answered "SignedUpdateFirmware" with "Accepted"
    When up to 5 minutes pass until the station sent a "SignedFirmwareStatusNotification" with "status" = "Installed"
    Then the CSMS sent the "SignedUpdateFirmware" as asked
    And each "SignedUpdateFirmware" the CSMS sent carries "firmware.location, firmware.signingCertificate, firmware.signature"
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
    And the CSMS answered the "SecurityEventNotification" whose "type" is "FirmwareUpdated"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 4: a firmware image whose signature does not verify is reported InvalidSignature and as the security
  # event InvalidFirmwareSignature; the Central System answers both.
  @TC_081_CSMS @mandatory-security @csms-initiated @requires:FirmwareManagement
  Scenario Outline: A signed firmware update with an invalid signature is reported and the reports answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a secure firmware update with "a wrong signature"
    Then the station answered "SignedUpdateFirmware" with "Accepted"
    When up to 2 minutes pass until the station sent a "SignedFirmwareStatusNotification" with "status" = "InvalidSignature"
    Then the CSMS sent the "SignedUpdateFirmware" as asked
    And the CSMS answered the "SecurityEventNotification" whose "type" is "InvalidFirmwareSignature"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 1.2: the Central System raises the charge point's SecurityProfile (ChangeConfiguration, one level up) and
  # resets it (Hard); the charge point comes back on the higher profile, where its installer set up the Central
  # System's URL for it, and the Central System admits it. Once upgraded, the Central System no longer admits it with
  # the lower profile, and keeps admitting it with the higher one. The target declaration names one Central System URL
  # and none for the higher profile: against a Central System under test the case is not applicable.
  @TC_083_CSMS @mandatory-security @csms-initiated
  Scenario Outline: A charge point moved to a higher security profile is admitted with it and no longer with the lower one
    Given the CSMS uses security profile 1
    And the CSMS also serves security profile 2
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds the CSMS's security profile 2 URL in slot 2
    When the CSMS sets configuration "SecurityProfile" to "2"
    Then the CSMS sent the "ChangeConfiguration" as asked
    And the station answered "ChangeConfiguration" with "Accepted"
    When the CSMS resets the station with a "Hard" reset
    Then the CSMS sent the "Reset" as asked
    And the CSMS accepted the station's reconnection with security profile 2
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
    When the station tries to connect with security profile 1 again
    Then the CSMS refused the station's connection with security profile 1
    When the station reconnects to the CSMS
    Then the CSMS accepted the station's reconnection
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 1.3 (security profile 1 or 2): the Central System upgrades a connection whose user name is the charge
  # point id and whose password is right.
  @TC_085_CSMS @mandatory-security
  Scenario Outline: Basic authentication with the charge point id and its password is accepted
    Given the CSMS uses Basic authentication
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"
    And the station reports every connector as "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 1.4 (security profile 2 or 3): the Central System is the TLS server with a certificate the charge point
  # trusts, TLS 1.2 or above.
  @TC_086_CSMS @mandatory-security
  Scenario Outline: TLS with a valid server certificate
    Given the CSMS uses TLS with a server certificate
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS's TLS handshake gives TLS 1.2 or higher and a trusted certificate
    And the CSMS answers the boot with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # Whitepaper 1.5 (security profile 3): the Central System admits a charge point presenting a valid client certificate
  # whose CN is its id.
  @TC_087_CSMS @mandatory-security
  Scenario Outline: TLS with a valid client certificate
    Given the CSMS uses security profile 3
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS's TLS handshake gives TLS 1.2 or higher and a trusted certificate
    And the CSMS answers the boot with "Accepted"
    And the station reports every connector as "Available"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # OCPP-J 1.6 §3.1.2: offered only a subprotocol it does not support, the Central System does not upgrade the
  # connection; offered that one and ocpp1.6, it upgrades it and answers Sec-WebSocket-Protocol: ocpp1.6.
  @TC_088_CSMS @mandatory-security
  Scenario Outline: The Central System picks ocpp1.6 among the offered subprotocols and refuses only unknown ones
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the station connects offering the subprotocols "ocpp0.1"
    Then the CSMS did not upgrade the connection
    When the station connects offering the subprotocols "ocpp0.1,ocpp1.6"
    Then the CSMS upgraded the connection with the subprotocol "ocpp1.6"

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

@conformance @block-L
Feature: OCA CSMS cases of block L, secure firmware update (CSMS-initiated)
  The CSMS is made to update the station's firmware (UpdateFirmware with the image's location, the manufacturer's
  signing certificate and the image's signature); the scenario serves the image and signs it as the manufacturer. The
  station really downloads it over HTTP, judges the certificate, verifies the signature, installs and reboots, and
  reports each state; the failures a case needs are the station's own (set with Given lines). Each case judges the
  CSMS: it sent the UpdateFirmware as asked with the fields a secure update needs (L01.FR.11), gave a second request
  its own id, and answered every FirmwareStatusNotification, SecurityEventNotification and BootNotification in time
  and without an error.

  # L01: the station downloads, verifies the signature, installs, reports InstallRebooting before it reboots
  # (L01.FR.15), boots with reason FirmwareUpdate and reports Installed; the CSMS accepts the boot.
  @TC_L_01_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_01_CSMS Secure firmware update - installation successful
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a secure firmware update with "a valid signature"
    Then the station answered "UpdateFirmware" with "Accepted"
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "Installed"
    Then the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
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

  # The signing certificate is one the station knows revoked: it answers RevokedCertificate.
  @TC_L_04_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_04_CSMS Secure firmware update - revoked signing certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a secure firmware update with "a revoked signing certificate"
    Then the station answered "UpdateFirmware" with "RevokedCertificate"
    And the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
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

  # The signing certificate does not chain to the manufacturer root the station trusts: it answers InvalidCertificate
  # and reports a security event InvalidFirmwareSigningCertificate, which the CSMS answers.
  @TC_L_05_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_05_CSMS Secure firmware update - invalid signing certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a secure firmware update with "an unknown signing certificate"
    Then the station answered "UpdateFirmware" with "InvalidCertificate"
    When up to 1 minute passes until the station sent a "SecurityEventNotification" with "type" = "InvalidFirmwareSigningCertificate"
    Then the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
    And the CSMS answered the last "SecurityEventNotification" without an error
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

  # The image downloads but its signature does not verify: InvalidSignature, then a security event
  # InvalidFirmwareSignature; the CSMS answers both.
  @TC_L_06_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_06_CSMS Secure firmware update - invalid signature
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a secure firmware update with "a wrong signature"
    Then the station answered "UpdateFirmware" with "Accepted"
    When up to 5 minutes pass until the station sent a "SecurityEventNotification" with "type" = "InvalidFirmwareSignature"
    Then the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
    And the CSMS answered the last "SecurityEventNotification" without an error
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

  # The image cannot be fetched (the URL serves nothing), twice: Downloading, then DownloadFailed.
  @TC_L_07_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_07_CSMS Secure firmware update - download failed
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a secure firmware update with "an image that cannot be downloaded"
    Then the station answered "UpdateFirmware" with "Accepted"
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "DownloadFailed"
    Then the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
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

  # The installed image fails its verification: Installing, then InstallVerificationFailed (no reboot).
  @TC_L_08_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_08_CSMS Secure firmware update - install verification failed
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station's firmware installation will fail its verification
    When the CSMS sends a secure firmware update with "a valid signature"
    Then the station answered "UpdateFirmware" with "Accepted"
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "InstallVerificationFailed"
    Then the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
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

  # The installation fails after the reboot: InstallRebooting, a boot with reason FirmwareUpdate, InstallationFailed.
  @TC_L_09_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_09_CSMS Secure firmware update - installation failed
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station's firmware installation will fail
    When the CSMS sends a secure firmware update with "a valid signature"
    Then the station answered "UpdateFirmware" with "Accepted"
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "InstallationFailed"
    Then the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
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

  # A second request while the first downloads: the station cancels the first and answers AcceptedCanceled (L01.FR.24),
  # then installs the second. The CSMS gives the second request its own id.
  @TC_L_10_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_10_CSMS Secure firmware update - accepted, the update under way canceled
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a secure firmware update with "a valid signature"
    When up to 1 minute passes until the station sent a "FirmwareStatusNotification" with "status" = "Downloading"
    When the CSMS sends a secure firmware update with "a valid signature"
    Then the station answered "UpdateFirmware" with "AcceptedCanceled"
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "Installed"
    Then the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
    And the CSMS's last 2 "UpdateFirmware" have different "requestId"
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
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

  # A second request while the first downloads, and the station cannot cancel: it answers Rejected (L01.FR.27) and
  # installs the first. The CSMS gives the second request its own id.
  @TC_L_11_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_11_CSMS Secure firmware update - unable to cancel
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station cannot cancel a firmware update
    When the CSMS sends a secure firmware update with "a valid signature"
    When up to 1 minute passes until the station sent a "FirmwareStatusNotification" with "status" = "Downloading"
    When the CSMS sends a secure firmware update with "a valid signature"
    Then the station answered "UpdateFirmware" with "Rejected"
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "Installed"
    Then the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
    And the CSMS's last 2 "UpdateFirmware" have different "requestId"
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
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

  # A transaction runs and AllowNewSessionsPendingFirmwareUpdate is false: the station schedules the download
  # (DownloadScheduled), takes no new session, waits for the transaction to end, then downloads, installs and reboots.
  @TC_L_13_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_L_13_CSMS Secure firmware update - ongoing transaction, no new sessions meanwhile
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "ChargingStation.AllowNewSessionsPendingFirmwareUpdate" is "false"
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS sends a secure firmware update with "a valid signature"
    Then the station answered "UpdateFirmware" with "Accepted"
    When up to 1 minute passes until the station sent a "FirmwareStatusNotification" with "status" = "DownloadScheduled"
    When the driver stops the transaction on EVSE 1
    And the EV unplugs from EVSE 1
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "Installed"
    Then the CSMS sent the "UpdateFirmware" as asked
    And each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
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

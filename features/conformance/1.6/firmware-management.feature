@conformance @profile-firmware-management @requires:FirmwareManagement
Feature: OCPP 1.6 FirmwareManagement - the CSMS updates the firmware and asks for diagnostics
  The OCA 1.6 cases of the FirmwareManagement profile. The CSMS is made to send UpdateFirmware for an image the
  scenario's file server serves (or a URL that serves nothing); the station really downloads it over HTTP, takes its
  connectors out of service, installs, reboots and reports each step in FirmwareStatusNotification. The CSMS is made to
  send GetDiagnostics to the file server's upload folder; the station really uploads its diagnostics file (or the file
  server refuses it) and reports the upload in DiagnosticsStatusNotification. Each case judges the CSMS: it sent the
  request as asked (the location, a retrieveDate of its own), and acknowledged every notification of the flow, the
  StatusNotifications and the BootNotification after the reboot, in time and without an error.

  # TC_044_1: Downloading, Downloaded, the connectors Unavailable, Installing, the reboot (BootNotification, the
  # connectors Available again), Installed.
  @TC_044_1_CSMS @mandatory-firmware-management @csms-initiated
  Scenario Outline: TC_044_1_CSMS Firmware update - download and install
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a firmware update of an image the scenario serves
    Then the CSMS sent the "UpdateFirmware" as asked
    And the CSMS's last "UpdateFirmware" carries "retrieveDate"
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "Installed"
    Then the CSMS answered the station's "FirmwareStatusNotification" with "status" = each of "Downloading, Downloaded, Installing, Installed"
    And the CSMS answered the station's "StatusNotification" with "status" = each of "Unavailable, Available"
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # TC_044_2: the image cannot be downloaded (every attempt, the retry included, gets 404): Downloading, DownloadFailed.
  @TC_044_2_CSMS @mandatory-firmware-management @csms-initiated
  Scenario Outline: TC_044_2_CSMS Firmware update - download failed
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a firmware update of an image that cannot be downloaded
    Then the CSMS sent the "UpdateFirmware" as asked
    And the CSMS's last "UpdateFirmware" carries "retrieveDate"
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "DownloadFailed"
    Then the CSMS answered the station's "FirmwareStatusNotification" with "status" = each of "Downloading, DownloadFailed"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # TC_044_3: as TC_044_1 until the reboot; the installation then fails: InstallationFailed.
  @TC_044_3_CSMS @mandatory-firmware-management @csms-initiated
  Scenario Outline: TC_044_3_CSMS Firmware update - installation failed
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station's firmware installation will fail
    When the CSMS sends a firmware update of an image the scenario serves
    Then the CSMS sent the "UpdateFirmware" as asked
    And the CSMS's last "UpdateFirmware" carries "retrieveDate"
    When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "InstallationFailed"
    Then the CSMS answered the station's "FirmwareStatusNotification" with "status" = each of "Downloading, Downloaded, Installing, InstallationFailed"
    And the CSMS answered the station's "StatusNotification" with "status" = each of "Unavailable, Available"
    And the CSMS answered the last "BootNotification" with "status" one of "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # TC_045_1: the station names the file it uploads, uploads it to the location: Uploading, Uploaded.
  @TC_045_1_CSMS @mandatory-firmware-management @csms-initiated
  Scenario Outline: TC_045_1_CSMS Get diagnostics
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the diagnostics to be uploaded to the scenario's file server
    Then the CSMS sent the "GetDiagnostics" as asked
    When up to 2 minutes pass until the station sent a "DiagnosticsStatusNotification" with "status" = "Uploaded"
    Then the CSMS answered the station's "DiagnosticsStatusNotification" with "status" = each of "Uploading, Uploaded"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # TC_045_2: the location refuses the upload (every attempt, the retry included): Uploading, UploadFailed.
  @TC_045_2_CSMS @mandatory-firmware-management @csms-initiated
  Scenario Outline: TC_045_2_CSMS Get diagnostics - upload failed
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the scenario's file server refuses uploads
    When the CSMS asks for the diagnostics to be uploaded to the scenario's file server
    Then the CSMS sent the "GetDiagnostics" as asked
    When up to 2 minutes pass until the station sent a "DiagnosticsStatusNotification" with "status" = "UploadFailed"
    Then the CSMS answered the station's "DiagnosticsStatusNotification" with "status" = each of "Uploading, UploadFailed"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

@conformance @block-N
Feature: N Diagnostics - OCPP 2.1 only: a log upload to a location that asks for authentication
  The OCA cases of block N that only OCPP 2.1 has: the CSMS asks for a log to be uploaded to a location that asks for
  HTTP Basic authentication, with the user name and password in log.remoteLocation; the station uploads it with them.
  The verdict is about what the CSMS sent and how it took the station's status notifications.

  # N01 (2.1): GetLog to an HTTP location with credentials; the station reports Uploading, then Uploaded.
  @TC_N_102_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A log is uploaded to an HTTP location with credentials in the URL
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the "DiagnosticsLog" to be uploaded to the scenario's file server with credentials in the URL
    And 1 minute passes
    Then the CSMS sent the "GetLog" as asked
    And the station soon sends a "LogStatusNotification" with "status" = "Uploaded"
    And the CSMS answered every "LogStatusNotification" the station sent about its "GetLog"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  @TC_N_103_CSMS @mandatory-core @csms-initiated
  Scenario Outline: A log is uploaded to an HTTPS location with credentials in the URL
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station trusts the CA of the scenario's HTTPS file server
    When the CSMS asks for the "DiagnosticsLog" to be uploaded to the scenario's HTTPS file server with credentials in the URL
    And 1 minute passes
    Then the CSMS sent the "GetLog" as asked
    And the station soon sends a "LogStatusNotification" with "status" = "Uploaded"
    And the CSMS answered every "LogStatusNotification" the station sent about its "GetLog"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

@conformance @block-G
Feature: G Availability - the CSMS hears what the station reports about its connectors
  The station-initiated OCA cases of block G that are about a connector's own trouble.

  # G05 Lock failure: the station reports a plug retention lock that failed to lock with NotifyEvent
  # (component ConnectorPlugRetentionLock on the EVSE and connector, variable Problem = "true", trigger Delta;
  # G05.FR.02), and the CSMS answers it (G05.FR.03).
  @TC_G_20_CSMS @mandatory-core
  Scenario Outline: A connector lock failure is reported and answered
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the connector lock of EVSE 1 fails
    Then the CSMS answered the last "NotifyEvent" without an error
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

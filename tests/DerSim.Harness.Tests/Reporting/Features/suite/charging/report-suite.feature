@reporting-e2e @sessions
Feature: Report suite
  A tiny suite whose outcomes the report test knows in advance: one passes, one fails, one breaks.

  @critical @TC_E_01_CSMS @issue:DERSIM-42
  Scenario: A DC session stays within the port rating
    Given a station "DERSIM-RPT-1" with profile "EVSE-DC-150kW-CCS-1port" on OCPP 2.0.1
    And an EV "sedan-75" at 20% that wants 80%
    When the station connects to the CSMS
    And the EV charges for 15 minutes
    Then every MeterValues "Power.Active.Import" on EVSE 1 is at most 150 kW
    And the report suite attaches a note

  @minor
  Scenario: A DC session that must not report transactions
    Given a station "DERSIM-RPT-2" with profile "EVSE-DC-150kW-CCS-1port" on OCPP 2.0.1
    And an EV "sedan-75" at 20% that wants 80%
    When the station connects to the CSMS
    And the EV charges for 15 minutes
    Then the station sent no "TransactionEvent"
    And the station sent a "Heartbeat"

  Scenario: The test rig breaks down
    Given a station "DERSIM-RPT-3" with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
    When the station connects to the CSMS
    And the report suite's rig breaks

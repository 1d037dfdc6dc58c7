@v2g @smart-charging @requires:SmartCharging
Feature: The V2G profile on OCPP versions without discharge
  OCPP 1.6 and 2.0.1 cannot express discharge: on the same profile and with the same bidirectional EV the station
  charges only, never exports, and says so in its log; the 2.1-only V2G messages are not sent.

  Scenario Outline: The bidirectional EV charges only on OCPP <version>
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    When the station connects to the CSMS
    And an EV "v2g-50" at 50% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS limits EVSE 1 to 20 kW with a TxProfile
    Then the station answered "SetChargingProfile" with "Accepted"
    When 10 minutes pass
    Then the state of charge on EVSE 1 rose
    And every MeterValues "Power.Active.Import" on EVSE 1 is at most 20 kW
    And EVSE 1 exported no energy
    And the station sent no "NotifyEVChargingNeeds"
    And the station logged a line containing "cannot express discharge"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

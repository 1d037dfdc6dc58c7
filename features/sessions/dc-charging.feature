@sessions @meter-values
Feature: DC charging session
  A plugged-in EV charges on a DC port; the meter values the station reports follow the EV's
  charging curve and never exceed what the port can deliver.

  Scenario Outline: Meter values stay within the DC-150 port's rating
    Given a station with profile "EVSE-DC-150kW-CCS-1port" on OCPP <version>
    And an EV "sedan-75" at 20% that wants 80%
    When the station connects to the CSMS
    And the EV charges for 15 minutes
    Then every MeterValues "Power.Active.Import" on EVSE 1 is at most 150 kW
    And the highest MeterValues "Power.Active.Import" on EVSE 1 is at least 100 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples:
      | version |
      | 1.6     |

    @ocpp2.0.1
    Examples:
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples:
      | version |
      | 2.1     |

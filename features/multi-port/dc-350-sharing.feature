@multi-port @meter-values
Feature: High-volume meter values on a shared DC cabinet
  Two EVs on the two 350 kW ports of a 500 kW DC cabinet draw more than it has; the station samples
  every 10 s and reports for each port what it offers (Power.Offered) under the sharing.

  Scenario Outline: Power.Offered follows the cabinet's sharing
    Given a station with profile "EVSE-DC-350kW-CCS-2port" on OCPP <version>
    When the station connects to the CSMS
    And an EV "truck-350" at 10% plugs into EVSE 1
    And an EV "truck-350" at 15% plugs into EVSE 2
    And the driver presents the valid token on EVSE 1
    And the driver presents a second valid token on EVSE 2
    And 20 minutes pass
    And the EV unplugs from EVSE 1
    And the EV unplugs from EVSE 2
    Then at least 100 "Power.Offered" samples were reported on EVSE 1
    And at least 100 "Power.Offered" samples were reported on EVSE 2
    And "Power.Offered" on EVSE 1 and EVSE 2 together stayed at most 500 kW
    And "Power.Active.Import" on EVSE 1 and EVSE 2 together stayed at most 500 kW
    And the state of charge on EVSE 1 rose
    And the state of charge on EVSE 2 rose
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

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

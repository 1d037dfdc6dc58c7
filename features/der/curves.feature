@der @ocpp2.1 @block-R @requires:DERControl
Feature: DER curves change the power of the V2G DC port as their points say
  The EV discharges at a 40 kW set point (the port, the connector and the EV are all rated 50 kW). A default curve
  control is set, the grid steps, and after two simulated minutes the export obeys the curve at that grid value:
  active-power curves bound the export directly, reactive ones take apparent-power headroom (S = 50 kVA) from it.

  Background:
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP 2.1
    When the station connects to the CSMS
    And an EV "v2g-50" at 70% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    And the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets a discharge setpoint of 40 kW on EVSE 1
    And 2 minutes pass

  Scenario Outline: VoltWatt at <voltage> % of nominal voltage bounds the discharge to <most> kW
    When the CSMS sets a default "VoltWatt" curve "vw-1" in "PctMaxW" with points:
      | x   | y   |
      | 100 | 100 |
      | 106 | 100 |
      | 110 | 0   |
    Then the station answered "SetDERControl" with "Accepted"
    When the grid voltage goes to <voltage> %
    And 2 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most <most> kW
    And the latest "Power.Active.Export" on EVSE 1 is at least <least> kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    Examples:
      | voltage | most | least |
      | 100     | 40   | 39    |
      | 104     | 40   | 39    |
      | 108     | 25   | 24    |
      | 110     | 0    | 0     |

  Scenario Outline: FreqWatt at <frequency> Hz bounds the discharge to <most> kW
    When the CSMS sets a default "FreqWatt" curve "fw-1" in "PctMaxW" with points:
      | x    | y   |
      | 50.2 | 100 |
      | 51.0 | 0   |
    Then the station answered "SetDERControl" with "Accepted"
    When the grid frequency goes to <frequency> Hz
    And 2 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most <most> kW
    And the latest "Power.Active.Export" on EVSE 1 is at least <least> kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    Examples:
      | frequency | most | least |
      | 50.0      | 40   | 39    |
      | 50.6      | 25   | 24    |
      | 51.0      | 0    | 0     |

  Scenario Outline: VoltVar at <voltage> % takes reactive headroom: the discharge stays at most <most> kW
    When the CSMS sets a default "VoltVar" curve "vv-1" in "PctMaxVar" with points:
      | x   | y   |
      | 92  | 80  |
      | 98  | 0   |
      | 102 | 0   |
      | 108 | -80 |
    Then the station answered "SetDERControl" with "Accepted"
    When the grid voltage goes to <voltage> %
    And 2 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most <most> kW
    And the latest "Power.Active.Export" on EVSE 1 is at least <least> kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    Examples:
      | voltage | most | least |
      | 100     | 40   | 39    |
      | 108     | 30   | 29    |
      | 92      | 30   | 29    |

  Scenario Outline: FixedVar at <percent> % of maximum var leaves at most <most> kW for the discharge
    When the CSMS sets DER control "fv-1" of type "FixedVar" with:
      | setting  | value     |
      | setpoint | <percent> |
      | unit     | PctMaxVar |
    Then the station answered "SetDERControl" with "Accepted"
    When 2 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most <most> kW
    And the latest "Power.Active.Export" on EVSE 1 is at least <least> kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    Examples:
      | percent | most | least |
      | 0       | 40   | 39    |
      | 80      | 30   | 29    |

  Scenario Outline: <type> at power factor <pf> leaves at most <most> kW for the discharge
    When the CSMS sets DER control "pf-1" of type "<type>" with:
      | setting      | value   |
      | displacement | <pf>    |
      | excitation   | false   |
    Then the station answered "SetDERControl" with "Accepted"
    When 2 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most <most> kW
    And the latest "Power.Active.Export" on EVSE 1 is at least <least> kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    Examples:
      | type          | pf  | most | least |
      | FixedPFInject | 1.0 | 40   | 39    |
      | FixedPFInject | 0.6 | 30   | 29    |
      # FixedPFAbsorb is the power factor while the port absorbs active power (charges): a discharge keeps its 40 kW.
      | FixedPFAbsorb | 0.6 | 40   | 39    |

  Scenario Outline: The <type> curve is accepted and reported
    When the CSMS sets a default "<type>" curve "<id>" in "<unit>" with points:
      | x   | y    |
      | 0   | <y0> |
      | 50  | <y1> |
      | 100 | <y2> |
    Then the station answered "SetDERControl" with "Accepted"
    When the CSMS asks for the DER controls
    Then the station soon reports DER control "<id>"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    Examples:
      | type    | id     | unit      | y0 | y1 | y2   |
      | WattVar | wv-1   | PctMaxVar | 0  | 0  | -40  |
      | WattPF  | wpf-1  | Not_Applicable | 1  | 1  | 0.9  |

  Scenario Outline: A <type> curve at a constant <y> takes reactive headroom and leaves at most <most> kW
    When the CSMS sets a default "<type>" curve "<id>" in "<unit>" with points:
      | x   | y   |
      | 0   | <y> |
      | 100 | <y> |
    Then the station answered "SetDERControl" with "Accepted"
    When 2 minutes pass
    Then every "Power.Active.Export" on EVSE 1 since the last change is at most <most> kW
    And the latest "Power.Active.Export" on EVSE 1 is at least <least> kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    # 80 % of 50 kvar is 40 kvar, and power factor 0.6 asks 4/3 var per W: either leaves √(50² − 40²) = 30 kW.
    Examples:
      | type    | id    | unit           | y   | most | least |
      | WattVar | wv-2  | PctMaxVar      | -80 | 30   | 29    |
      | WattPF  | wpf-2 | Not_Applicable | 0.6 | 30   | 29    |

  # gradient is a ramp time in seconds over the port's full rating: 1200 s over 50 kW is 2.5 kW a minute.
  Scenario: Gradients limit how fast the discharge follows a new set point
    When the CSMS sets DER control "grad-1" of type "Gradients" with:
      | setting      | value |
      | gradient     | 1200  |
      | softGradient | 1200  |
    Then the station answered "SetDERControl" with "Accepted"
    When the CSMS sets a discharge setpoint of 10 kW on EVSE 1
    And 2 minutes pass
    Then the latest "Power.Active.Export" on EVSE 1 is at least 30 kW
    When 12 minutes pass
    Then the latest "Power.Active.Export" on EVSE 1 is at most 10 kW
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

  Scenario: EnterService is accepted and reported
    When the CSMS sets DER control "es-1" of type "EnterService" with:
      | setting     | value |
      | highVoltage | 105   |
      | lowVoltage  | 92    |
      | highFreq    | 50.2  |
      | lowFreq     | 49.8  |
      | delay       | 60    |
    Then the station answered "SetDERControl" with "Accepted"
    When the CSMS asks for the DER controls
    Then the station soon reports DER control "es-1"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

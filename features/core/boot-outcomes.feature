@core @boot
Feature: Boot outcomes and heartbeat
  The CSMS decides whether a station may operate: a Pending station retries after the interval it
  was given, a Rejected one sends nothing else, an Accepted one keeps a heartbeat.

  @block-B
  Scenario Outline: A pending station boots again after the interval and is then accepted
    Given the CSMS answers boots with "Pending" and an interval of 10 s
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Pending"
    When the CSMS starts accepting boots
    And 30 s of simulated time pass
    Then the station soon sends a "StatusNotification"
    And the CSMS answered a "BootNotification" with "status" = "Accepted"

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

  Scenario Outline: A rejected station sends nothing but BootNotification
    Given the CSMS answers boots with "Rejected" and an interval of 60 s
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Rejected"
    When 30 s of simulated time pass
    Then the station sent no "StatusNotification"
    And the station sent no "Heartbeat"
    And the CSMS answered no "BootNotification" with "status" = "Accepted"

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

  Scenario Outline: An accepted station adopts the heartbeat interval the CSMS gives
    Given the CSMS asks for a heartbeat every 60 s
    And a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the CSMS answers the boot with "Accepted"
    And the CSMS answered a "BootNotification" with "interval" = "60"
    When the CSMS reads <what> "<name>"
    Then the station answered "<read>" with "<path>" = "60"

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | what          | name                            | read             | path                                |
      | 1.6     | configuration | HeartbeatInterval               | GetConfiguration | configurationKey[0].value           |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | what          | name                            | read             | path                                |
      | 2.1     | variable      | OCPPCommCtrlr.HeartbeatInterval | GetVariables     | getVariableResult[0].attributeValue |

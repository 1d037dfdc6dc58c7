@golden @reporting
Feature: Golden results
  Scenarios whose Allure result files are compared with checked-in copies.

  @critical @ocpp2.0.1 @TC_B_01_CSMS @issue:DERSIM-7
  Scenario: A passing scenario
    Given the golden meter reads 5 kWh
    When the golden step reports "station" = "DERSIM-G-1" and "csmsUrl" = "ws://ops:hunter2@csms.example/ocpp"
    Then the golden meter reads at least 3 kWh

  @minor @tms:DERSIM-T-9
  Scenario: A failing scenario
    Given the golden meter reads 5 kWh
    Then the golden meter reads at least 9 kWh
    And the golden meter reads at least 1 kWh

  Scenario Outline: An outline scenario with <kwh> kWh
    Given the golden meter reads <kwh> kWh
    Then the golden meter reads at least 1 kWh

    @ocpp2.0.1
    Examples:
      | kwh |
      | 2   |
      | 7   |

@spec @transformations
Feature: Argument conversion
  Arguments convert through transformations, enums, type converters and the binding culture.

  Scenario: A named transformation is a parameter type of its own
    Given the connector colour is red
    Then the connector colour is Red

  Scenario: A regex transformation turns text into a date
    Given a reservation in 3 days
    Then the reservation is 3 days after the scenario clock

  Scenario: Enums convert ignoring case and numbers use the binding culture
    Given the phase rotation is "rst"
    And a limit of 7.4 kW
    Then the rotation is RST and the limit is 7400 W

  Scenario: A table transformation creates a list of tariffs
    Given the tariffs:
      | name  | price |
      | day   | 0.35  |
      | night | 0.20  |
    Then the cheapest tariff is "night"

  Scenario: A decimal is read in the binding culture (reqnroll.json language.binding)
    Given a price of 0.35 EUR per kWh
    Then the price is 35 cents

@feature-tag
Feature: Charging rules

  Background:
    Given the feature background

  @rule-tag
  Rule: Limits apply
    Background:
      Given the rule background

    @scenario-tag @feature-tag
    Scenario: Limit is honoured
      When a limit of 11 kW is set
      But the EV asks for 22 kW
      Then the station draws 11 kW

  Rule: No limit
    Scenario: Full power
      * the EV asks for 22 kW
      Then the station draws 22 kW

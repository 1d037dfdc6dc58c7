@spec @scopes
Feature: Scopes
  A scoped step definition wins over an unscoped one with the same text where its scope applies.

  Scenario: Without the tag the unscoped definition runs
    When the greeting is chosen
    Then the greeting is "hello"

  @formal
  Scenario: With the tag the scoped definition runs
    When the greeting is chosen
    Then the greeting is "good day"

  Scenario: A definition scoped to this scenario's title runs only here
    When the greeting is chosen for a scenario named by its title
    Then the greeting is "by title"

Feature: Broken
  Scenario: fine
    Given a step
  this line is not Gherkin
  Scenario: also fine
    Given a step
    | a | b |
    | 1 |

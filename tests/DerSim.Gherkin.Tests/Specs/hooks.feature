@spec @hooks
Feature: Hooks
  Hooks run around scenarios and steps in their Order, filtered by tags.

  Scenario: Scenario and step hooks run in order around the steps
    When a step runs
    Then the hooks so far were:
      | hook                    |
      | BeforeScenario order 1  |
      | BeforeScenario default  |
      | BeforeStep              |
      | step                    |
      | AfterStep               |
      | BeforeStep              |

  @with-tag-hook
  Scenario: A hook with a tag filter runs only for scenarios with that tag
    Then the tag hook ran
    And the feature hook ran once before this scenario

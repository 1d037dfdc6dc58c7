@spec @outcomes
Feature: Outcomes of a run
  Each scenario below runs a feature of its own through a fresh runner and checks the outcome,
  as Reqnroll's own specifications do.

  Scenario: An undefined step is reported with a ready-to-paste step definition
    When this feature runs:
      """
      Feature: Inner
        Scenario: Unknown step
          Given a step nobody has written with 3 "quoted" words
          Then a step runs
      """
    Then scenario "Unknown step" is Undefined
    And the message names "inner.feature:3"
    And the message contains:
      """
      [Given("a step nobody has written with {int} {string} words")]
      """
    And step 2 is Skipped

  Scenario: An ambiguous step names both step definitions
    When this feature runs:
      """
      Feature: Inner
        Scenario: Two definitions
          When a step matches two definitions
      """
    Then scenario "Two definitions" is Ambiguous
    And the message names "AmbiguousSpecSteps.First"
    And the message names "AmbiguousSpecSteps.Second"

  Scenario: A pending step stops the scenario as pending
    When this feature runs:
      """
      Feature: Inner
        Scenario: Not yet written
          Given a step that is pending
          Then a step runs
      """
    Then scenario "Not yet written" is Pending
    And step 2 is Skipped

  Scenario: After a failure the remaining steps are skipped and the failure points at its line
    When this feature runs:
      """
      Feature: Inner
        Scenario: Failing
          Given a step runs
          Then a step fails with "expected 50 kW"
          And a step runs
      """
    Then scenario "Failing" is Failed
    And the message names "inner.feature:4"
    And the message names "expected 50 kW"
    And step 3 is Skipped

  Scenario: An exception that is not an assertion makes the scenario broken
    When this feature runs:
      """
      Feature: Inner
        Scenario: Crashing
          Given a step throws "disk on fire"
      """
    Then scenario "Crashing" is Broken

  Scenario: A parse error names the file, line and column
    When this feature runs:
      """
      Feature: Inner
        Scenario: Broken
          Given a step runs
          | unclosed table
        Scenari: typo
      """
    Then the parse error names "inner.feature:5:3"

  @non-parallelizable
  Scenario: Binding instances live for one scenario and are disposed after it
    When this feature runs:
      """
      Feature: Inner
        Scenario: First
          Given the tracker is used twice
        Scenario: Second
          Given the tracker is used twice
      """
    Then every scenario passed
    And 2 trackers were created and 2 disposed

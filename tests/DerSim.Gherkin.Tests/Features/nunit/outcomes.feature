@outcomes
Feature: NUnit outcomes
  Every scenario here names the NUnit outcome it must produce; the fixture checks it.

  @expect-failed
  Scenario: An assertion fails
    Given a station
    When this step fails
    Then this step is skipped

  @expect-broken
  Scenario: A step breaks
    Given this step breaks

  @expect-inconclusive
  Scenario: A step is pending
    Given this step is pending

  @expect-inconclusive
  Scenario: A step is undefined
    Given this step is undefined

  @expect-failed
  Scenario: A step is ambiguous
    Given this step is ambiguous

  @expect-ignored
  Scenario: A step is not applicable
    Given this step is not applicable

  @expect-inconclusive
  Scenario: An operator action did not happen in time
    Given this step is inconclusive

  @expect-ignored @outcome-ignore
  Scenario: Pending with the Ignore outcome
    Given this step is pending

  @expect-failed @outcome-error
  Scenario: Undefined with the Error outcome
    Given this step is undefined

  @serial
  Scenario: Marked by the configured tag
    Given a station

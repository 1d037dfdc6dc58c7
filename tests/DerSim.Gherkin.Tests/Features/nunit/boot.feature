@smart-charging
Feature: NUnit Boot
  Scenario Outline: Boot outcome
    Given a station
    When the CSMS answers <status>
    Then the station waits <interval> seconds

    Examples:
      | status  | interval |
      | Pending | 10       |
      | Accepted| 300      |

  @ignore
  Scenario: Ignored boot
    Given this step fails

  @non-parallelizable
  Scenario: Exclusive boot
    Given a station

@boot @smart-charging
Feature: Boot
  The station announces itself.

  Background:
    Given a station "CS-1"

  @slow
  Scenario Outline: Boot outcome
    When the CSMS answers <status> with interval <interval>
    Then the station is <state>
    And it waits <interval> seconds
    * it logs "<status>"

    @accepted
    Examples: accepted
      | status   | interval | state     |
      | Accepted | 300      | online    |

    @rejected
    Examples: not accepted
      | status   | interval | state     |
      | Pending  | 10       | waiting   |
      | Rejected | 60       | offline   |

  Scenario: Same name
    Given nothing

  Scenario: Same name
    Given nothing

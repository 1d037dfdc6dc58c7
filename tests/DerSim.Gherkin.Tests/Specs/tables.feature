@spec @tables
Feature: Tables and doc strings
  Step arguments: data tables turned into objects and compared, and doc strings passed as text.

  Scenario: A horizontal table creates a set of objects
    Given these EVs:
      | Name     | Battery kWh | Max kW | Bidirectional |
      | sedan    | 75          | 150.5  | false         |
      | truck    | 350         | 350    | true          |
    Then there are 2 EVs and the truck takes 350 kW
    And the EVs are:
      | name  | battery_kwh |
      | truck | 350         |
      | sedan | 75          |

  Scenario: A vertical table creates one object
    Given this EV:
      | Field       | Value |
      | Name        | van   |
      | Battery kWh | 90    |
      | Max kW      | 11    |
    Then the EV is:
      | Field  | Value |
      | Name   | van   |
      | Max kW | 11    |

  Scenario: A doc string reaches the step as text with its media type stripped
    Given this payload:
      """json
      {"status": "Accepted", "interval": 300}
      """
    Then the payload field "status" is "Accepted"

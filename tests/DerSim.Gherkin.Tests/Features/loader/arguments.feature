Feature: Arguments
  Scenario: Table and doc string
    Given the profiles
      | id | limit |
      | 1  | 11    |
      | 2  | 7.4   |
    When the CSMS sends
      """json
      {"chargingProfileId": 1}
      """
    Then the plain doc string is
      """
      line one
        line two
      """

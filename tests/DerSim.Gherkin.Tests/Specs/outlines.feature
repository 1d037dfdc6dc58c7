@spec @outlines
Feature: Outlines, backgrounds and rules
  The binding layer's own specification: a background runs before every scenario, outline rows
  become scenarios of their own, and rules group scenarios with their own background.

  Background:
    Given a calculator

  Scenario Outline: Adding two numbers
    Given the number <a> is entered
    When <b> is added
    Then the result is <sum>

    Examples: small numbers
      | a | b | sum |
      | 1 | 2 | 3   |
      | 5 | 5 | 10  |

    @negative
    Examples: negative numbers
      | a  | b  | sum |
      | -1 | -2 | -3  |

  Rule: Multiplying starts from the rule's background

    Background:
      Given the number 3 is entered

    Scenario: The rule background runs after the feature background
      When it is multiplied by 4
      Then the result is 12

    Scenario: A step written with And and But keeps the previous keyword
      When it is multiplied by 2
      And 1 is added
      But nothing else happens
      Then the result is 7

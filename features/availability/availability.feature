@availability
Feature: Availability and unlocking
  A CSMS takes an EVSE out of service and back, and unlocks a connector.

  @block-G
  Scenario Outline: An EVSE made Inoperative reports Unavailable, and Available again when Operative
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    Then the station reports every connector as "Available"
    When the CSMS makes EVSE 1 Inoperative
    Then the station answered "ChangeAvailability" with "Accepted"
    And the station soon sends a "StatusNotification" with "<field>" = "Unavailable"
    When the CSMS makes EVSE 1 Operative
    Then the station answered "ChangeAvailability" with "Accepted"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | field           |
      | 1.6     | status          |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | field           |
      | 2.0.1   | connectorStatus |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | field           |
      | 2.1     | connectorStatus |

  Scenario Outline: An EVSE made Inoperative during a transaction is scheduled and turns Unavailable when it ends
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And the CSMS starts a transaction remotely on EVSE 1 for the valid token
    Then the station starts a transaction
    When the CSMS makes EVSE 1 Inoperative
    Then the station answered "ChangeAvailability" with "Scheduled"
    When the CSMS stops the transaction on EVSE 1
    Then the station soon sends a "StatusNotification" with "<field>" = "Unavailable"
    When the CSMS makes EVSE 1 Operative
    Then the station answered "ChangeAvailability" with "Accepted"
    And the station soon sends a "StatusNotification" with "<field>" = "Available"
    And every frame is valid against the OCPP schema
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6J
      | version | field           |
      | 1.6     | status          |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | field           |
      | 2.0.1   | connectorStatus |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | field           |
      | 2.1     | connectorStatus |

  Scenario Outline: The CSMS unlocks a connector
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    When the station connects to the CSMS
    And the CSMS unlocks connector 1 of EVSE 1
    Then the station answered "UnlockConnector" with "Unlocked"

    @ocpp1.6
    Examples: OCPP 1.6J
      | version |
      | 1.6     |

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

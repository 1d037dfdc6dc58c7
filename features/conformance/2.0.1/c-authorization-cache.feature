@conformance @block-C
Feature: C Authorization - the CSMS clears the station's authorization cache
  The CSMS-initiated OCA cases of use case C11: the CSMS sends ClearCache; a station with its cache in use empties it
  and answers Accepted (C11.FR.01), one whose cache is disabled (AuthCacheCtrlr.Enabled false) answers Rejected
  (C11.FR.04). Either way the CSMS carries on without an error.

  @TC_C_37_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The CSMS clears the authorization cache and the station accepts
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthCacheCtrlr.Enabled" is "true"
    And the station is Booted
    When the CSMS clears the authorization cache
    Then the CSMS sent the "ClearCache" as asked
    And the station answered "ClearCache" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  @TC_C_38_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The CSMS clears the authorization cache of a station without one in use, which rejects it
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthCacheCtrlr.Enabled" is "false"
    And the station is Booted
    When the CSMS clears the authorization cache
    Then the CSMS sent the "ClearCache" as asked
    And the station answered "ClearCache" with "Rejected"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version |
      | 2.0.1   |

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

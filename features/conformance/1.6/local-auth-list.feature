@conformance @profile-local-auth-list
Feature: 1.6 Local Authorization List Management - the CSMS keeps the station's local list
  The CSMS-initiated OCA 1.6 cases of the LocalAuthListManagement profile. The CSMS asks the station for the version of
  its local authorization list and sends it lists: a Full one replacing what the station holds, a Differential one
  changing it under a higher version, every entry with its idTagInfo. It takes every answer the station may give
  (the version, -1 when the station keeps no list; Accepted, Failed, NotSupported) and answers the station's flow.

  # GetLocalListVersion to a station with its local list switched off (LocalAuthListEnabled false): it answers -1.
  @TC_042_1_CSMS @mandatory-local-auth-list @requires:LocalAuthListManagement @csms-initiated
  Scenario Outline: The CSMS asks for the list version of a station that keeps no local list
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "LocalAuthListEnabled" is "false"
    And the station is Booted
    When the CSMS asks for the local authorization list version
    Then the CSMS sent the "GetLocalListVersion" as asked
    And the station answered "GetLocalListVersion" with "listVersion" = "-1"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # GetLocalListVersion to a station whose list was never sent: it answers 0 (empty).
  @TC_042_2_CSMS @mandatory-local-auth-list @requires:LocalAuthListManagement @csms-initiated
  Scenario Outline: The CSMS asks for the list version of a station with an empty local list
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the local authorization list version
    Then the CSMS sent the "GetLocalListVersion" as asked
    And the station answered "GetLocalListVersion" with "listVersion" = "0"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # SendLocalList to a station with its local list switched off: a Full list, answered NotSupported.
  @TC_043_1_CSMS @mandatory-local-auth-list @requires:LocalAuthListManagement @csms-initiated
  Scenario Outline: The CSMS sends a local list the station does not support
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "LocalAuthListEnabled" is "false"
    And the station is Booted
    When the CSMS sends a full local authorization list with the valid token
    Then the CSMS sent the "SendLocalList" as asked
    And the CSMS's last "SendLocalList" has "updateType" = "Full"
    And the station answered "SendLocalList" with "NotSupported"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # SendLocalList to a station whose list holds no entries (LocalAuthListMaxLength 0): a Full list, answered Failed.
  @TC_043_3_CSMS @mandatory-local-auth-list @requires:LocalAuthListManagement @csms-initiated
  Scenario Outline: The CSMS sends a local list the station fails to store
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "LocalAuthListMaxLength" is "0"
    And the station is Booted
    When the CSMS sends a full local authorization list with the valid token
    Then the CSMS sent the "SendLocalList" as asked
    And the CSMS's last "SendLocalList" has "updateType" = "Full"
    And the station answered "SendLocalList" with "Failed"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # A Full list: updateType Full, every entry with its idTagInfo; the station stores it (Accepted).
  @TC_043_4_CSMS @mandatory-local-auth-list @requires:LocalAuthListManagement @csms-initiated
  Scenario Outline: The CSMS sends a full local list
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a full local authorization list with the valid token
    Then the CSMS sent the "SendLocalList" as asked
    And the CSMS's last "SendLocalList" has "updateType" = "Full"
    And every "localAuthorizationList" item of the CSMS's last "SendLocalList" carries "idTagInfo.status"
    And the station answered "SendLocalList" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # The station holds the CSMS's Full list (memory state); the CSMS may ask its version, then adds a token the list
  # lacks with a Differential update numbered above the list's version, every entry with its idTagInfo.
  @TC_043_5_CSMS @mandatory-local-auth-list @requires:LocalAuthListManagement @csms-initiated
  Scenario Outline: The CSMS sends a differential update of the local list
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sends a full local authorization list with the valid token
    Then the station answered "SendLocalList" with "Accepted"
    When the CSMS asks for the local authorization list version
    And the CSMS sends a differential local authorization list update adding a second valid token
    Then the CSMS sent the "SendLocalList" as asked
    And the CSMS's last "SendLocalList" has "updateType" = "Differential"
    And every "localAuthorizationList" item of the CSMS's last "SendLocalList" carries "idTagInfo.status"
    And the CSMS's last 2 "SendLocalList" have increasing "listVersion"
    And the station answered "SendLocalList" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

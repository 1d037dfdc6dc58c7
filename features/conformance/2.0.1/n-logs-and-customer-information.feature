@conformance @block-N
Feature: OCA CSMS cases of block N, logs and customer information (CSMS-initiated)
  The CSMS asks the station for its logs, uploaded over HTTP to the scenario's file server, and for what the station
  holds about a customer, reported and/or cleared. Each case judges the CSMS: it sent the request as asked (log type
  and upload location; report, clear and the customer's idToken), numbered its requests apart, and answered every
  LogStatusNotification and NotifyCustomerInformation about them in time and without an error.

  @TC_N_25_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_25_CSMS Retrieve Log Information - Diagnostics Log - Success
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the "DiagnosticsLog" to be uploaded to the scenario's file server
    And 1 minute passes
    Then the CSMS sent the "GetLog" as asked
    And the station soon sends a "LogStatusNotification" with "status" = "Uploaded"
    And the CSMS answered every "LogStatusNotification" the station sent about its "GetLog"
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

  @TC_N_34_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_34_CSMS Retrieve Log Information - Rejected
    # The station holds no log entries from before it ran, so it cannot serve this period (N01.FR.05: Rejected).
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the "DiagnosticsLog" up to "2000-01-01T00:00:00Z" to be uploaded to the scenario's file server
    Then the station answered "GetLog" with "Rejected"
    And the CSMS sent the "GetLog" as asked
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

  @TC_N_35_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_35_CSMS Retrieve Log Information - Security Log - Success
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the "SecurityLog" to be uploaded to the scenario's file server
    And 1 minute passes
    Then the CSMS sent the "GetLog" as asked
    And the station soon sends a "LogStatusNotification" with "status" = "Uploaded"
    And the CSMS answered every "LogStatusNotification" the station sent about its "GetLog"
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

  @TC_N_36_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_36_CSMS Retrieve Log Information - Second Request
    # The first upload is still being assembled when the second request arrives: the station cancels it
    # (AcceptedCanceled, N01.FR.12 and N01.FR.20) and uploads for the second.
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the "DiagnosticsLog" to be uploaded to the scenario's file server
    Then the station soon sends a "LogStatusNotification" with "status" = "Uploading"
    When the CSMS asks for the "DiagnosticsLog" to be uploaded to the scenario's file server
    And 1 minute passes
    Then the CSMS sent the "GetLog" as asked
    And the station soon sends a "LogStatusNotification" with "status" = "Uploaded"
    And the CSMS's last 2 "GetLog" have different "requestId"
    And the CSMS answered every "LogStatusNotification" the station sent about its "GetLog"
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

  @TC_N_27_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_27_CSMS Get Customer Information - Accepted + data
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's authorization cache holds the valid token as "Accepted"
    And the station is Booted
    When the CSMS asks for the customer information of the valid token
    Then the CSMS sent the "CustomerInformation" as asked
    And the CSMS answered every "NotifyCustomerInformation" the station sent about its "CustomerInformation"
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

  @TC_N_28_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_28_CSMS Get Customer Information - Accepted + no data
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the customer information of the valid token
    Then the CSMS sent the "CustomerInformation" as asked
    And the CSMS answered every "NotifyCustomerInformation" the station sent about its "CustomerInformation"
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

  @TC_N_29_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_29_CSMS Get Customer Information - Not Accepted
    # The station cannot process customer-information requests now (N09.FR.03: Rejected).
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "CustomerInformationCtrlr.Enabled" is "false"
    And the station is Booted
    When the CSMS asks for the customer information of the valid token
    Then the station answered "CustomerInformation" with "Rejected"
    And the CSMS sent the "CustomerInformation" as asked
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

  @TC_N_30_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_30_CSMS Clear Customer Information - Clear and report + data
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's authorization cache holds the valid token as "Accepted"
    And the station is Booted
    When the CSMS clears and reports the customer information of the valid token
    Then the CSMS sent the "CustomerInformation" as asked
    And the CSMS answered every "NotifyCustomerInformation" the station sent about its "CustomerInformation"
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

  @TC_N_31_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_31_CSMS Clear Customer Information - Clear and report + no data
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS clears and reports the customer information of the valid token
    Then the CSMS sent the "CustomerInformation" as asked
    And the CSMS answered every "NotifyCustomerInformation" the station sent about its "CustomerInformation"
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

  @TC_N_32_CSMS @mandatory-core @csms-initiated
  Scenario Outline: TC_N_32_CSMS Clear Customer Information - Clear and no report
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's authorization cache holds the valid token as "Accepted"
    And the station is Booted
    When the CSMS clears the customer information of the valid token
    Then the CSMS sent the "CustomerInformation" as asked
    And the CSMS answered every "NotifyCustomerInformation" the station sent about its "CustomerInformation"
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

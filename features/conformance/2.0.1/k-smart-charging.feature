@conformance @block-K
Feature: K Smart Charging - the CSMS sets, reads and clears charging profiles
  The OCA cases of block K in which the CSMS acts: it sets TxDefault, ChargingStationMax, Recurring and Tx profiles,
  replaces a profile by its id, clears profiles by id and by criteria, reads the installed profiles with
  GetChargingProfiles (taking every ReportChargingProfiles part) and asks for composite schedules. The verdict is about
  what the CSMS sent and how it took the station's answers and reports; the station's own answers only show that the
  flow happened.

  # K01: a TxDefaultProfile for one EVSE, Absolute, valid from now for the schedule's duration, its first period from 0
  # (K01.FR.31); the CSMS numbers the profile and stamps the validity and the start itself.
  @TC_K_01_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A TxDefaultProfile is set on one EVSE
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 for 300 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.validFrom"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.validTo"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.chargingSchedule[0].startSchedule"
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

  # K01: a ChargingStationMaxProfile on EVSE 0, Absolute (never Relative, K01.FR.38), with validity and start.
  @TC_K_03_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A ChargingStationMaxProfile is set for the whole station
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a "ChargingStationMaxProfile" of 8 A on EVSE 0 at stack level 1 for 300 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.validFrom"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.validTo"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.chargingSchedule[0].startSchedule"
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

  # K01.FR.05: a profile sent again with the id of an installed one replaces it; the second keeps purpose, kind and
  # stack level and changes only the limit.
  @TC_K_04_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A charging profile is replaced by its id
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a "TxDefaultProfile" of 8 A on EVSE 1 at stack level 1 for 300 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When the CSMS replaces that profile with a limit of 6 A
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last 2 "SetChargingProfile" have the same "chargingProfile.id"
    And the CSMS's last 2 "SetChargingProfile" have the same "chargingProfile.stackLevel"
    And the CSMS's last 2 "SetChargingProfile" have the same "chargingProfile.chargingProfilePurpose"
    And the CSMS's last 2 "SetChargingProfile" have the same "chargingProfile.chargingProfileKind"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.chargingSchedule[0].startSchedule"
    And the CSMS's last "SetChargingProfile" has no "chargingProfile.recurrencyKind"
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

  # K10.FR.02: the CSMS reads the installed profiles, then clears the one it was told of by its id alone.
  @TC_K_05_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A charging profile is cleared by its id
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100
    When the CSMS asks for the charging profiles of EVSE 1 with purpose "TxDefaultProfile"
    Then the CSMS sent the "GetChargingProfiles" as asked
    And the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"
    When the CSMS clears the charging profile with id 100
    Then the CSMS sent the "ClearChargingProfile" as asked
    And the CSMS's last "ClearChargingProfile" has no "chargingProfileCriteria"
    And the station answered "ClearChargingProfile" with "Accepted"
    And the CSMS's last ClearChargingProfile selects the station's profile 100
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

  # K10.FR.02: the CSMS clears one profile by purpose, stack level and EVSE, without an id.
  @TC_K_06_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A charging profile is cleared by its purpose and stack level
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100
    When the CSMS clears the "TxDefaultProfile" profiles at stack level 1 on EVSE 1
    Then the CSMS sent the "ClearChargingProfile" as asked
    And the CSMS's last "ClearChargingProfile" has no "chargingProfileId"
    And the station answered "ClearChargingProfile" with "Accepted"
    And the CSMS's last ClearChargingProfile selects the station's profile 100
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

  # K10: the CSMS clears by criteria a profile the station does not have; the station answers Unknown and the CSMS
  # goes on as usual.
  @TC_K_08_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: Clearing a charging profile the station does not have
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS clears the "TxDefaultProfile" profiles at stack level 1 on EVSE 1
    Then the CSMS sent the "ClearChargingProfile" as asked
    And the CSMS's last "ClearChargingProfile" has no "chargingProfileId"
    And the station answered "ClearChargingProfile" with "Unknown"
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

  # K01 on a station without smart charging (SmartChargingCtrlr.Enabled false): it answers SetChargingProfile with a
  # CALLERROR NotSupported, and the CSMS takes it and goes on as usual.
  @TC_K_15_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A charging profile is sent to a station that does not support smart charging
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "SmartChargingCtrlr.Enabled" is "false"
    And the station is Booted
    When the CSMS sets a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 for 300 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "NotSupported"
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

  # K01: a Recurring TxDefaultProfile names its recurrencyKind (Daily) and starts its schedule.
  @TC_K_19_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A recurring charging profile is set
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a "Daily" recurring "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.chargingSchedule[0].startSchedule"
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

  # K09.FR.03: GetChargingProfiles for EVSE 0 with a purpose as the only criterion, during a transaction; the CSMS
  # answers every ReportChargingProfiles part carrying its requestId.
  @TC_K_29_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS reads the station's own charging profiles (EVSE 0)
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    And the station holds a "ChargingStationMaxProfile" of 32 A on EVSE 0 at stack level 1 with id 100
    When the CSMS asks for the charging profiles of EVSE 0 with purpose "ChargingStationMaxProfile"
    Then the CSMS sent the "GetChargingProfiles" as asked
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.stackLevel"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingLimitSource"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfileId"
    And the station answered "GetChargingProfiles" with "Accepted"
    And the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"
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

  # K09.FR.03: GetChargingProfiles for one EVSE with a purpose.
  @TC_K_30_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS reads the charging profiles of one EVSE
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100
    When the CSMS asks for the charging profiles of EVSE 1 with purpose "TxDefaultProfile"
    Then the CSMS sent the "GetChargingProfiles" as asked
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.stackLevel"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingLimitSource"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfileId"
    And the station answered "GetChargingProfiles" with "Accepted"
    And the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"
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

  # K09.FR.03: GetChargingProfiles without an evseId; the station reports per EVSE, every part but the last with tbc.
  @TC_K_31_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS reads the charging profiles of every EVSE
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100
    And the station holds a "TxDefaultProfile" of 10 A on EVSE 0 at stack level 1 with id 101
    When the CSMS asks for the charging profiles of every EVSE with purpose "TxDefaultProfile"
    Then the CSMS sent the "GetChargingProfiles" as asked
    And the CSMS's last "GetChargingProfiles" has no "evseId"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.stackLevel"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingLimitSource"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfileId"
    And the station answered "GetChargingProfiles" with "Accepted"
    And the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"
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

  # K09.FR.03: GetChargingProfiles with a chargingProfileId alone.
  @TC_K_32_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS reads one charging profile by its id
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100
    When the CSMS asks for the charging profile with id 100
    Then the CSMS sent the "GetChargingProfiles" as asked
    And the CSMS's last "GetChargingProfiles" has no "evseId"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfilePurpose"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.stackLevel"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingLimitSource"
    And the station answered "GetChargingProfiles" with "Accepted"
    And the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"
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

  # K09.FR.03: GetChargingProfiles for one EVSE with a stack level alone.
  @TC_K_33_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS reads the charging profiles of one EVSE at a stack level
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100
    When the CSMS asks for the charging profiles of EVSE 1 at stack level 1
    Then the CSMS sent the "GetChargingProfiles" as asked
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfilePurpose"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingLimitSource"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfileId"
    And the station answered "GetChargingProfiles" with "Accepted"
    And the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"
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

  # K09.FR.03: GetChargingProfiles for one EVSE with a chargingLimitSource alone (CSO: profiles set by a CSMS).
  @TC_K_34_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS reads the charging profiles of one EVSE from one source
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100
    When the CSMS asks for the charging profiles of EVSE 1 from source "CSO"
    Then the CSMS sent the "GetChargingProfiles" as asked
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfilePurpose"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.stackLevel"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfileId"
    And the station answered "GetChargingProfiles" with "Accepted"
    And the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"
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

  # K09.FR.03: GetChargingProfiles for one EVSE with a chargingProfilePurpose alone.
  @TC_K_35_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS reads the charging profiles of one EVSE with one purpose
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100
    When the CSMS asks for the charging profiles of EVSE 1 with purpose "TxDefaultProfile"
    Then the CSMS sent the "GetChargingProfiles" as asked
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.stackLevel"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingLimitSource"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfileId"
    And the station answered "GetChargingProfiles" with "Accepted"
    And the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"
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

  # K09.FR.03: GetChargingProfiles for one EVSE with a purpose and a stack level.
  @TC_K_36_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS reads the charging profiles of one EVSE with one purpose at a stack level
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100
    When the CSMS asks for the charging profiles of EVSE 1 with purpose "TxDefaultProfile" at stack level 1
    Then the CSMS sent the "GetChargingProfiles" as asked
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingLimitSource"
    And the CSMS's last "GetChargingProfiles" has no "chargingProfile.chargingProfileId"
    And the station answered "GetChargingProfiles" with "Accepted"
    And the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"
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

  # K08: GetCompositeSchedule for one EVSE over a duration in a unit; the station combines what it holds (a
  # TxDefaultProfile of 10 A) and answers with the schedule.
  @TC_K_43_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS asks for the composite schedule of one EVSE
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "TxDefaultProfile" of 10 A on EVSE 1 at stack level 1 with id 100
    When the CSMS asks for the composite schedule of EVSE 1 over 300 s in A
    Then the CSMS sent the "GetCompositeSchedule" as asked
    And the station answered "GetCompositeSchedule" with "Accepted"
    And the station answered "GetCompositeSchedule" with "schedule.chargingSchedulePeriod[0].limit" = "10"
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

  # K08: GetCompositeSchedule for the whole station (EVSE 0); the station's own limit is its ChargingStationMaxProfile.
  @TC_K_44_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: The CSMS asks for the composite schedule of the whole station
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station holds a "ChargingStationMaxProfile" of 16 A on EVSE 0 at stack level 1 with id 100
    When the CSMS asks for the composite schedule of EVSE 0 over 300 s in A
    Then the CSMS sent the "GetCompositeSchedule" as asked
    And the station answered "GetCompositeSchedule" with "Accepted"
    And the station answered "GetCompositeSchedule" with "schedule.evseId" = "0"
    And the station answered "GetCompositeSchedule" with "schedule.chargingSchedulePeriod[0].limit" = "16"
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

  # K01.FR.03: a TxProfile for the transaction running on the EVSE names that transaction; Relative, so no
  # startSchedule; its first period from 0 (K01.FR.31).
  @TC_K_60_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A TxProfile is set for the running transaction
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS sets a TxProfile of 6 A for the transaction on EVSE 1 at stack level 1
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's TxProfile on EVSE 1 names the running transaction
    And the CSMS's last "SetChargingProfile" has no "chargingProfile.chargingSchedule[0].startSchedule"
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

  # K01: during a transaction the CSMS sets a TxDefaultProfile and then a ChargingStationMaxProfile, each with its own
  # id (the same id would replace the first, K01.FR.05).
  @TC_K_70_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: Several charging profiles are set
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS sets a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 for 300 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When the CSMS sets a "ChargingStationMaxProfile" of 8 A on EVSE 0 at stack level 1 for 300 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last 2 "SetChargingProfile" have different "chargingProfile.id"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.chargingSchedule[0].startSchedule"
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

@conformance @block-K
Feature: K Smart Charging - OCPP 2.1 only: profiles valid for a while offline, and randomized delays
  The OCA cases of block K that only OCPP 2.1 has: the CSMS sets a charging profile that the station may use for a
  limited time once offline and never again after that (maxOfflineDuration, invalidAfterOfflineDuration), and one whose
  schedule is in local time with its periods delayed at random so that many stations do not switch at once
  (useLocalTime, randomizedDelay). The verdict is about what the CSMS sent.

  # K01 (2.1): a TxDefaultProfile with maxOfflineDuration and invalidAfterOfflineDuration true.
  @TC_K_100_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A charging profile valid for a limited time offline is set
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a "TxDefaultProfile" of 16 A on EVSE 1 valid for 60 s offline
    Then the CSMS sent the "SetChargingProfile" as asked
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.maxOfflineDuration"
    And the CSMS's last "SetChargingProfile" has "chargingProfile.invalidAfterOfflineDuration" = "true"
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # K01.FR.96 (2.1): a TxDefaultProfile whose schedule uses local time and a randomizedDelay above 0.
  @TC_K_106_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: A charging profile with a randomized delay is set
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a "TxDefaultProfile" of 16 A on EVSE 1 with a randomized delay of up to 300 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the CSMS's last "SetChargingProfile" has "chargingProfile.chargingSchedule[0].useLocalTime" = "true"
    And the CSMS's last "SetChargingProfile" carries "chargingProfile.chargingSchedule[0].randomizedDelay"
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

@conformance @profile-smart-charging @requires:SmartCharging
Feature: OCPP 1.6 SmartCharging - the CSMS sets, reads and clears charging profiles
  The OCA 1.6 cases of the SmartCharging profile: the CSMS sets a TxDefaultProfile, a TxProfile for the running
  transaction, starts a transaction remotely with a TxProfile, asks for a composite schedule, and sets a
  ChargePointMaxProfile, a TxDefaultProfile and a TxProfile at one stack level before clearing them by id, by criteria
  and all together. The station really installs, applies and clears them (its 1.6 profile stack); the verdict is about
  what the CSMS sent (the fields asked, the transaction a TxProfile names, the fields a profile's kind needs, its own
  profile ids) and how it answered the station; the station's own answers only show that the flow happened.

  # TC_056: an Absolute TxDefaultProfile on connector 1 with validity, schedule start and duration, 6 A from 0, no
  # transactionId and no recurrencyKind.
  @TC_056_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: TC_056_CSMS Central smart charging - TxDefaultProfile
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS sets a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 for 300 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last "SetChargingProfile" carries "csChargingProfiles.validFrom"
    And the CSMS's last "SetChargingProfile" carries "csChargingProfiles.validTo"
    And the CSMS's last "SetChargingProfile" carries "csChargingProfiles.chargingSchedule.startSchedule"
    And the CSMS's last "SetChargingProfile" has no "csChargingProfiles.transactionId"
    And the CSMS's last "SetChargingProfile" has no "csChargingProfiles.recurrencyKind"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # TC_057: a TxProfile for the transaction running on connector 1, naming it; Relative (no schedule start).
  @TC_057_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: TC_057_CSMS Central smart charging - TxProfile
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS sets a TxProfile of 6 A for the transaction on EVSE 1 at stack level 1
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last "SetChargingProfile" names the transaction running on EVSE 1 in "csChargingProfiles.transactionId"
    And the TxProfile of the CSMS's last "SetChargingProfile" has the fields its kind needs
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # TC_059: RemoteStartTransaction for the valid token on connector 1 with a TxProfile (no transactionId, first period
  # from 0); the station authorizes the token, the EV is plugged in, the transaction starts and charges; the CSMS
  # accepts the token and the transaction.
  @TC_059_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: TC_059_CSMS Remote start transaction with a charging profile
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station's setting "AuthorizeRemoteTxRequests" is "true"
    And the station is Booted
    When the CSMS starts a transaction remotely on EVSE 1 for the valid token with a TxProfile of 11 kW
    Then the CSMS sent the "RemoteStartTransaction" as asked
    And the station answered "RemoteStartTransaction" with "Accepted"
    When up to 1 minute passes until the station sent a "StatusNotification" with "status" = "Charging"
    Then the CSMS's last "RemoteStartTransaction" has "chargingProfile.chargingProfilePurpose" = "TxProfile"
    And the CSMS's last "RemoteStartTransaction" has no "chargingProfile.transactionId"
    And the CSMS's last "RemoteStartTransaction" has "chargingProfile.chargingSchedule.chargingSchedulePeriod[0].startPeriod" = "0"
    And the TxProfile of the CSMS's last "RemoteStartTransaction" has the fields its kind needs
    And the CSMS answered the last "Authorize" with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the last "StartTransaction" with "idTagInfo.status" one of "Accepted"
    And the CSMS answered the station's "StatusNotification" with "status" = each of "Preparing, Charging"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # TC_066: GetCompositeSchedule of connector 1 for a duration in a charging rate unit.
  @TC_066_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: TC_066_CSMS Get composite schedule
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS asks for the composite schedule of EVSE 1 over 300 s in A
    Then the CSMS sent the "GetCompositeSchedule" as asked
    And the station answered "GetCompositeSchedule" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

  # TC_067: three profiles at one stack level with ids of the CSMS's own, all different: a ChargePointMaxProfile on
  # connector 0, a TxDefaultProfile and a TxProfile (naming the running transaction) on connector 1. Then the first is
  # cleared by its id alone, the TxDefaultProfile by connector, purpose and stack level alone, and the rest with no
  # field at all.
  @TC_067_CSMS @mandatory-smart-charging @csms-initiated
  Scenario Outline: TC_067_CSMS Clear charging profile
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EnergyTransferStarted with the valid token
    When the CSMS sets a "ChargePointMaxProfile" of 16 A on EVSE 0 at stack level 1 for 3600 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last "SetChargingProfile" has no "csChargingProfiles.transactionId"
    When the CSMS sets a "TxDefaultProfile" of 10 A on EVSE 1 at stack level 1 for 3600 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last "SetChargingProfile" has no "csChargingProfiles.transactionId"
    When the CSMS sets a TxProfile of 8 A for the transaction on EVSE 1 at stack level 1
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    And the CSMS's last "SetChargingProfile" names the transaction running on EVSE 1 in "csChargingProfiles.transactionId"
    And the CSMS's last 3 "SetChargingProfile" have different "csChargingProfiles.chargingProfileId"
    And the CSMS's last 3 "SetChargingProfile" have the same "csChargingProfiles.stackLevel"
    When the CSMS clears its "ChargePointMaxProfile" by the id it gave it
    Then the CSMS sent the "ClearChargingProfile" as asked
    And the station answered "ClearChargingProfile" with "Accepted"
    And the CSMS's last "ClearChargingProfile" has no "connectorId"
    And the CSMS's last "ClearChargingProfile" has no "chargingProfilePurpose"
    And the CSMS's last "ClearChargingProfile" has no "stackLevel"
    When the CSMS clears the "TxDefaultProfile" profiles at stack level 1 on EVSE 1
    Then the CSMS sent the "ClearChargingProfile" as asked
    And the station answered "ClearChargingProfile" with "Accepted"
    And the CSMS's last "ClearChargingProfile" has no "id"
    When the CSMS clears the charging profiles
    Then the CSMS sent the "ClearChargingProfile" as asked
    And the station answered "ClearChargingProfile" with "Accepted"
    And the CSMS's last "ClearChargingProfile" has no "id"
    And the CSMS's last "ClearChargingProfile" has no "connectorId"
    And the CSMS's last "ClearChargingProfile" has no "chargingProfilePurpose"
    And the CSMS's last "ClearChargingProfile" has no "stackLevel"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp1.6
    Examples: OCPP 1.6
      | version |
      | 1.6     |

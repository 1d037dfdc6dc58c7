@conformance @block-Q @requires:BidirectionalPowerTransfer
Feature: Q Bidirectional Power Transfer - the CSMS authorises and steers V2X
  The OCA cases of block Q on the V2G DC port (EVSE-V2G-DC-50kW-bidir) with the bidirectional EV "v2g-50": the station
  really runs the flow (the EV's charging needs over ISO 15118-20, the transaction, the operation mode in force reported
  in TransactionEvent, energy moving both ways) and the verdict is about the CSMS: what it sent as asked, and its answers
  to NotifyEVChargingNeeds, PullDynamicScheduleUpdate and the TransactionEvents of the flow, in time and without a
  CALLERROR. The station's own answers appear only as preconditions that the flow happened.

  # Q01 V2X authorisation: the CSMS allows the transaction DC only (NotifyAllowedEnergyTransfer); when the EV then
  # renegotiates asking for DC_BPT again, the CSMS refuses those charging needs (status Rejected), and the EV keeps to DC.
  @TC_Q_103_CSMS @mandatory-bidirectional @csms-initiated
  Scenario Outline: Charging needs asking for an energy transfer the CSMS did not allow are rejected
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    When the CSMS allows energy transfer "DC" for the transaction on EVSE 1
    Then the CSMS sent the "NotifyAllowedEnergyTransfer" as asked
    And the station answered "NotifyAllowedEnergyTransfer" with "Accepted"
    And the station soon renegotiates energy transfer "DC" on EVSE 1
    When the EV on EVSE 1 asks again for energy transfer "DC_BPT"
    Then the CSMS answered the last "NotifyEVChargingNeeds" whose "chargingNeeds.requestedEnergyTransfer" is "DC_BPT" with "status" one of "Rejected"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # Q04 central V2X control, push: the EV asks for DynamicControl; the CSMS accepts its needs, allows DC_BPT, sets a
  # Dynamic TxProfile (CentralSetpoint, discharge setpoint, no dynUpdateInterval) and then pushes a new setpoint with
  # UpdateDynamicSchedule for that profile; it answers the OperationModeChanged TransactionEvent.
  @TC_Q_109_CSMS @mandatory-bidirectional @csms-initiated
  Scenario Outline: Central V2X control with a dynamic setpoint the CSMS pushes
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    And the CSMS answered every "NotifyEVChargingNeeds" with "status" one of "Accepted, Processing"
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    Then the CSMS sent the "NotifyAllowedEnergyTransfer" as asked
    When the CSMS sets a dynamic discharge setpoint of 10 kW on EVSE 1
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.operationMode" is "CentralSetpoint"
    When the CSMS updates the dynamic setpoint on EVSE 1 to a discharge of 20 kW
    Then the CSMS sent the "UpdateDynamicSchedule" as asked
    And the station answered "UpdateDynamicSchedule" with "Accepted"
    When 2 minutes pass
    Then the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # Q04 central V2X control, pull: the Dynamic TxProfile carries dynUpdateInterval; the station asks for new values
  # (PullDynamicScheduleUpdate for the CSMS's profile id) every interval, and the CSMS answers each Accepted with the
  # profile's values (scheduleUpdate).
  @TC_Q_110_CSMS @mandatory-bidirectional @csms-initiated
  Scenario Outline: Central V2X control with a dynamic setpoint the station pulls
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    And the CSMS answered every "NotifyEVChargingNeeds" with "status" one of "Accepted, Processing"
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets a dynamic discharge setpoint of 10 kW on EVSE 1 pulled every 60 s
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When 3 minutes pass
    Then the CSMS answered every "PullDynamicScheduleUpdate" with "status" one of "Accepted"
    And the CSMS's answer to every "PullDynamicScheduleUpdate" carries "scheduleUpdate"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # Q05 external V2X control, setpoint: the CSMS leaves the setpoint to an external system (an EMS) within the period's
  # limit and dischargeLimit (operationMode ExternalSetpoint); it answers the OperationModeChanged event.
  @TC_Q_111_CSMS @mandatory-smart-charging @requires:SmartCharging @csms-initiated
  Scenario Outline: External V2X control - the setpoint comes from an external system
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets operation mode "ExternalSetpoint" on EVSE 1 with limits of 30 kW charge and 10 kW discharge
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.operationMode" is "ExternalSetpoint"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # Q05 external V2X control, limit: the CSMS bounds the EV by the period's limit and dischargeLimit
  # (operationMode ExternalLimits); it answers the OperationModeChanged event.
  @TC_Q_112_CSMS @mandatory-smart-charging @requires:SmartCharging @csms-initiated
  Scenario Outline: External V2X control - limits bound the EV
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets operation mode "ExternalLimits" on EVSE 1 with limits of 30 kW charge and 10 kW discharge
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.operationMode" is "ExternalLimits"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # Q09 local V2X control for load balancing: the CSMS leaves the power to the station's local load balancing within the
  # period's limit and dischargeLimit (operationMode LocalLoadBalancing).
  @TC_Q_124_CSMS @mandatory-bidirectional @csms-initiated
  Scenario Outline: Local V2X control for load balancing
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets operation mode "LocalLoadBalancing" on EVSE 1 with limits of 20 kW charge and 20 kW discharge
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.operationMode" is "LocalLoadBalancing"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # Q10 Idle: the CSMS stops energy both ways for the transaction (operationMode Idle) and answers the event of it.
  @TC_Q_125_CSMS @mandatory-smart-charging @requires:SmartCharging @csms-initiated
  Scenario Outline: Idle keeps the EV from charging or discharging
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets operation mode "Idle" on EVSE 1
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.operationMode" is "Idle"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # Q07 frequency support, central V2X control (conditional on BPT-1): the CSMS sets a CentralFrequency period with a
  # signal-watt curve and then pushes the aFRR signal (AFRRSignal) the port follows; it answers the mode change.
  @TC_Q_117_CSMS @conditional-bidirectional @csms-initiated
  Scenario Outline: Frequency support under central control follows the aFRR signal the CSMS pushes
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets operation mode "CentralFrequency" on EVSE 1 with the signal-watt curve:
      | signal | power kW |
      | -100   | -30      |
      | 0      | 0        |
      | 100    | 30       |
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When the CSMS sends the aFRR signal -50
    Then the CSMS sent the "AFRRSignal" as asked
    And the station answered "AFRRSignal" with "Accepted"
    When 1 minute passes
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.operationMode" is "CentralFrequency"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # Q08 frequency support, local V2X control (conditional on BPT-1): the CSMS sets a LocalFrequency period with a
  # frequency-watt curve; the station follows the grid frequency it measures and reports its energy; the CSMS answers
  # the mode change and every TransactionEvent of the flow.
  @TC_Q_121_CSMS @conditional-bidirectional @csms-initiated
  Scenario Outline: Frequency support under local control follows the grid frequency
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When an EV "v2g-50" at 60% plugs into EVSE 1
    And the driver presents the valid token on EVSE 1
    Then the station soon asks for energy transfer "DC_BPT" on EVSE 1
    When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1
    And the CSMS sets operation mode "LocalFrequency" on EVSE 1 with the frequency-watt curve:
      | frequency Hz | power kW |
      | 49.8         | -20      |
      | 50.0         | 0        |
      | 50.2         | 20       |
    Then the CSMS sent the "SetChargingProfile" as asked
    And the station answered "SetChargingProfile" with "Accepted"
    When the grid frequency drops to 49.9 Hz
    And 2 minutes pass
    Then the CSMS answered the "TransactionEvent" whose "transactionInfo.operationMode" is "LocalFrequency"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

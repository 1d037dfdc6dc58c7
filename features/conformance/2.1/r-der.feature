@conformance @block-R @requires:DERControl
Feature: R DER Control - the CSMS configures DER controls and takes the station's DER events
  The OCA cases of block R on the V2G DC port (EVSE-V2G-DC-50kW-bidir): the station keeps the DER controls the CSMS
  sets, reports them (ReportDERControl) and raises and ends DER alarms (NotifyDERAlarm) from its grid measurements. The
  verdict is about what the CSMS sent as asked and its answers to the station's reports and notifications, in time and
  without a CALLERROR; the station's answers appear only as preconditions.

  # R04 configure DER control settings: the CSMS sets a default LimitMaxDischarge control, reads the controls back
  # (GetDERControl, answered by ReportDERControl) and clears the control by its id.
  @TC_R_107_CSMS @mandatory-der-control @csms-initiated
  Scenario Outline: The CSMS sets, reads back and clears a DER control
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When the CSMS sets a default LimitMaxDischarge of 50 % as "lmd-1"
    Then the CSMS sent the "SetDERControl" as asked
    And the station answered "SetDERControl" with "Accepted"
    When the CSMS asks for the DER controls
    Then the CSMS sent the "GetDERControl" as asked
    And the station answered "GetDERControl" with "Accepted"
    And the station soon reports DER control "lmd-1"
    And the CSMS answered the "ReportDERControl" whose "limitMaxDischarge[0].id" is "lmd-1"
    When the CSMS clears DER control "lmd-1"
    Then the CSMS sent the "ClearDERControl" as asked
    And the station answered "ClearDERControl" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # R05 the station reports a DER event: with a must-trip setting from the CSMS, a grid under-voltage makes the station
  # cease energy and send NotifyDERAlarm (LVMustTrip, UnderVoltage); when the grid returns it sends NotifyDERAlarm with
  # alarmEnded. The CSMS answers both.
  @TC_R_108_CSMS @mandatory-der-control @csms-initiated
  Scenario Outline: The CSMS takes the station's DER alarm and its end
    Given a station with profile "EVSE-V2G-DC-50kW-bidir" on OCPP <version>
    And the station is Booted
    When the CSMS sets a default "LVMustTrip" curve "trip-1" in "Not_Applicable" with points:
      | x  | y   |
      | 88 | 1   |
      | 50 | 0.2 |
    Then the CSMS sent the "SetDERControl" as asked
    And the station answered "SetDERControl" with "Accepted"
    When the grid voltage goes to 70 %
    And 1 minute passes
    Then the station soon raises a DER alarm for "LVMustTrip" with fault "UnderVoltage"
    And the CSMS answered the "NotifyDERAlarm" whose "gridEventFault" is "UnderVoltage"
    When the grid returns to nominal
    And 1 minute passes
    Then the station soon ends the DER alarm for "LVMustTrip"
    And the CSMS answered the "NotifyDERAlarm" whose "alarmEnded" is "true"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

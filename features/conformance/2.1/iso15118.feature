@conformance @block-M
Feature: ISO 15118 Support in OCPP 2.1 - OEM roots and ISO 15118-20 contract certificates
  The 2.1-only OCA cases of the "ISO 15118 Support" certification profile DerSim plays for real: the CSMS installs an
  OEM root (2.1's OEMRootCertificate, for ISO 15118-20's vehicle certificates) and relays an ISO 15118-20 EV's contract
  certificate request. As in the 2.0.1 file, ISO 15118's EXI is not encoded: the exiRequest is the base64 DER of the
  EV's certificate and the station expects the base64 PEM contract chain back. The verdict is about the CSMS.

  # M05 for an OEM root (2.1).
  @TC_M_101_CSMS @mandatory-iso15118 @csms-initiated
  Scenario Outline: The CSMS installs an OEM root certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS installs a new "OEMRootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the CSMS's "InstallCertificate" carries the certificate it was asked for
    And the station answered "InstallCertificate" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

  # M01 for an ISO 15118-20 EV: the station relays its request (action Install, the -20 schema version, 2.1's
  # maximumContractCertificateChains) and the CSMS returns the raw response for the EV, Accepted (M01.FR.01).
  @TC_M_100_CSMS @mandatory-iso15118 @requires:ISO15118Support
  Scenario Outline: The CSMS relays the installation of an ISO 15118-20 EV's contract certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And EVSE 1 is EVConnected
    When the EV asks the station to install a contract certificate over ISO 15118-20
    Then the CSMS answered the last "Get15118EVCertificate" with "status" one of "Accepted"
    And the CSMS answered the last "Get15118EVCertificate" with base64 in "exiResponse"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.1
    Examples: OCPP 2.1
      | version |
      | 2.1     |

@conformance @block-M
Feature: M Certificate management - the CSMS installs, lists and deletes the station's CA certificates
  The CSMS-initiated OCA cases of block M (OCPP 2.0.1 M03, M04, M05). The certificates are real: roots the scenario
  makes with .NET's crypto APIs, which the station parses, checks and hashes. The verdict is about what the CSMS sent
  and how it took the station's answers.

  # M05: the CSMS asks the station to trust a new root for its own connection; the CALL carries that type and the
  # certificate it was given (M05.FR.01), and the CSMS takes the Accepted answer.
  @TC_M_01_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The CSMS installs a CSMS root certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS installs a new "CSMSRootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the CSMS's "InstallCertificate" carries the certificate it was asked for
    And the station answered "InstallCertificate" with "Accepted"
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

  # M05 for the manufacturer's root (the one firmware signatures are checked against).
  @TC_M_02_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The CSMS installs a manufacturer root certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS installs a new "ManufacturerRootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the CSMS's "InstallCertificate" carries the certificate it was asked for
    And the station answered "InstallCertificate" with "Accepted"
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

  # M05.FR.03: the certificate is valid but the station cannot store it and answers Failed; the CSMS sent the right
  # request and copes with the failure.
  @TC_M_05_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The station fails to install the CSMS root certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the station's certificate store can no longer be written
    And the CSMS installs a new "CSMSRootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the CSMS's "InstallCertificate" carries the certificate it was asked for
    And the station answered "InstallCertificate" with "Failed"
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

  # M03.FR.01: the CSMS asks for the manufacturer roots only; the station lists the one it holds.
  @TC_M_13_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The CSMS retrieves the manufacturer root certificates
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station already trusts a "ManufacturerRootCertificate"
    When the CSMS asks for the installed "ManufacturerRootCertificate" certificates
    Then the CSMS sent the "GetInstalledCertificateIds" as asked
    And the station answered "GetInstalledCertificateIds" with "Accepted"
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

  # M03.FR.01: asked without a certificate type, the station lists every certificate it holds; the CSMS's request
  # must leave certificateType out.
  @TC_M_18_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The CSMS retrieves the certificates of every type
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station already trusts a "CSMSRootCertificate"
    And the station already trusts a "ManufacturerRootCertificate"
    And the station already trusts a "V2GRootCertificate"
    When the CSMS asks for the installed certificates of every type
    Then the CSMS sent the "GetInstalledCertificateIds" as asked
    And the CSMS's last "GetInstalledCertificateIds" has no "certificateType"
    And the station answered "GetInstalledCertificateIds" with "Accepted"
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

  # M03.FR.02: the station holds no manufacturer root and answers NotFound without a chain; the CSMS copes.
  @TC_M_19_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The station has no certificate of the type the CSMS asks for
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station already trusts a "CSMSRootCertificate"
    When the CSMS asks for the installed "ManufacturerRootCertificate" certificates
    Then the CSMS sent the "GetInstalledCertificateIds" as asked
    And the station answered "GetInstalledCertificateIds" with "NotFound"
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

  # M04: the CSMS installs a CSMS root, lists the CSMS roots and deletes the one it installed with exactly the hash
  # data the station reported, in the station's hash algorithm (M04.FR.07), for each algorithm the station may use.
  @TC_M_20_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The CSMS deletes a certificate with the hash data the station reported (<hash>)
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    And the station reports certificate hash data with "<hash>"
    When the CSMS installs a new "CSMSRootCertificate" on the station
    Then the CSMS sent the "InstallCertificate" as asked
    And the station answered "InstallCertificate" with "Accepted"
    When the CSMS asks for the installed "CSMSRootCertificate" certificates
    Then the CSMS sent the "GetInstalledCertificateIds" as asked
    And the station answered "GetInstalledCertificateIds" with "Accepted"
    When the CSMS deletes the "CSMSRootCertificate" it installed
    Then the CSMS sent the "DeleteCertificate" as asked
    And the CSMS's "DeleteCertificate" names the certificate as the station reported it
    And the station answered "DeleteCertificate" with "Accepted"
    And the CSMS answered every call
    And the CSMS answered no call with an error

    @ocpp2.0.1
    Examples: OCPP 2.0.1
      | version | hash   |
      | 2.0.1   | SHA256 |
      | 2.0.1   | SHA384 |
      | 2.0.1   | SHA512 |

    @ocpp2.1
    Examples: OCPP 2.1
      | version | hash   |
      | 2.1     | SHA256 |
      | 2.1     | SHA384 |
      | 2.1     | SHA512 |

  # M04: as TC_M_20, but the station's store fails before the deletion and it answers Failed; the CSMS still named the
  # certificate as reported (M04.FR.07) and copes with the failure.
  @TC_M_21_CSMS @mandatory-core @csms-initiated
  Scenario Outline: The station fails to delete a certificate
    Given a station with profile "EVSE-AC-22kW-1port" on OCPP <version>
    And the station is Booted
    When the CSMS installs a new "CSMSRootCertificate" on the station
    Then the station answered "InstallCertificate" with "Accepted"
    When the CSMS asks for the installed "CSMSRootCertificate" certificates
    Then the CSMS sent the "GetInstalledCertificateIds" as asked
    And the station answered "GetInstalledCertificateIds" with "Accepted"
    When the station's certificate store can no longer be written
    And the CSMS deletes the "CSMSRootCertificate" it installed
    Then the CSMS sent the "DeleteCertificate" as asked
    And the CSMS's "DeleteCertificate" names the certificate as the station reported it
    And the station answered "DeleteCertificate" with "Failed"
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

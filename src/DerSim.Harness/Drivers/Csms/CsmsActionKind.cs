namespace DerSim.Harness.Drivers.Csms;

/// <summary>The CSMS-initiated actions scenarios can ask a CSMS driver for; each maps to one OCPP action per version.</summary>
public enum CsmsActionKind
{
    /// <summary>1.6 and 2.x SetChargingProfile (TxProfile or TxDefaultProfile).</summary>
    SetChargingProfile,

    /// <summary>1.6 and 2.x ClearChargingProfile.</summary>
    ClearChargingProfile,

    /// <summary>1.6 and 2.x GetCompositeSchedule.</summary>
    GetCompositeSchedule,

    /// <summary>1.6 RemoteStartTransaction, 2.x RequestStartTransaction.</summary>
    RemoteStart,

    /// <summary>1.6 RemoteStopTransaction, 2.x RequestStopTransaction.</summary>
    RemoteStop,

    /// <summary>1.6 Reset Soft/Hard, 2.x Reset OnIdle/Immediate.</summary>
    Reset,

    /// <summary>1.6 and 2.x ChangeAvailability.</summary>
    ChangeAvailability,

    /// <summary>1.6 and 2.x UnlockConnector.</summary>
    UnlockConnector,

    /// <summary>1.6 and 2.x TriggerMessage.</summary>
    TriggerMessage,

    /// <summary>1.6 only: GetConfiguration.</summary>
    GetConfiguration,

    /// <summary>1.6 only: ChangeConfiguration.</summary>
    ChangeConfiguration,

    /// <summary>2.x only: GetVariables.</summary>
    GetVariables,

    /// <summary>2.x only: SetVariables.</summary>
    SetVariables,

    /// <summary>GetBaseReport (2.x), answered by NotifyReport messages with the device model.</summary>
    GetBaseReport,

    /// <summary>2.1 only: NotifyAllowedEnergyTransfer, the energy-transfer modes a transaction may use (V2G).</summary>
    NotifyAllowedEnergyTransfer,

    /// <summary>2.1 only: SetDERControl, a grid-support control (curve, fixed PF/var, droop, limits, trip settings).</summary>
    SetDERControl,

    /// <summary>2.1 only: GetDERControl, answered and then reported in ReportDERControl.</summary>
    GetDERControl,

    /// <summary>2.1 only: ClearDERControl by id, type or default flag.</summary>
    ClearDERControl,

    /// <summary>2.1 only: AFRRSignal, the signal a CentralFrequency period's signal-watt curve follows from a timestamp on.</summary>
    AFRRSignal,

    /// <summary>2.x only: GetChargingProfiles, answered and then reported in ReportChargingProfiles.</summary>
    GetChargingProfiles,

    /// <summary>2.x only: InstallCertificate, a CA certificate for the station's trust store.</summary>
    InstallCertificate,

    /// <summary>2.x only: GetInstalledCertificateIds, the hash data of the installed certificates of some types.</summary>
    GetInstalledCertificateIds,

    /// <summary>2.x only: DeleteCertificate by the hash data the station reported.</summary>
    DeleteCertificate,

    /// <summary>1.6 and 2.x ClearCache: the station empties its authorization cache.</summary>
    ClearCache,

    /// <summary>2.x only: GetLog, a log uploaded to a location and reported in LogStatusNotification.</summary>
    GetLog,

    /// <summary>2.x only: CustomerInformation, a customer's data reported (NotifyCustomerInformation) and/or cleared.</summary>
    CustomerInformation,

    /// <summary>2.x only: SetNetworkProfile, a NetworkConnectionProfile for a configuration slot.</summary>
    SetNetworkProfile,

    /// <summary>2.1 only: SetVariables of the NetworkConfiguration component, a network configuration for a configuration slot.</summary>
    SetNetworkConfiguration,

    /// <summary>2.x: UpdateFirmware, a secure firmware update from a URL with signing certificate and signature; 1.6: the plain UpdateFirmware.</summary>
    UpdateFirmware,

    /// <summary>1.6 only: SendLocalList, a full local authorization list or a differential update.</summary>
    SendLocalList,

    /// <summary>1.6 only: GetLocalListVersion.</summary>
    GetLocalListVersion,

    /// <summary>1.6 only: ReserveNow, a connector (or the charge point) reserved for a token.</summary>
    ReserveNow,

    /// <summary>1.6 only: CancelReservation.</summary>
    CancelReservation,

    /// <summary>1.6 only: GetDiagnostics, the diagnostics file uploaded to a location and reported in DiagnosticsStatusNotification.</summary>
    GetDiagnostics,

    /// <summary>2.1 only: UpdateDynamicSchedule, new values for the period of a Dynamic charging profile (pushed by the CSMS).</summary>
    UpdateDynamicSchedule,

    /// <summary>2.1 only: SetDefaultTariff, the tariff an EVSE's transactions are priced with by the station's own cost calculation.</summary>
    SetDefaultTariff,
}

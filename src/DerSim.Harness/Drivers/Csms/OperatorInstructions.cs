using System.Globalization;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// What the <see cref="ManualCsmsDriver"/> asks an operator to do for a <see cref="CsmsCommand"/>, in words; the other
/// drivers quote it when they cannot do it themselves.
/// </summary>
public static class OperatorInstructions
{
    /// <summary>The instruction, e.g. "make the CSMS send SetChargingProfile to DERSIM-DC-1 a TxProfile limiting EVSE 1 to 50 kW".</summary>
    public static string For(CsmsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var what = command switch
        {
            SetChargingProfileCommand c => $"a {c.Purpose} limiting EVSE {c.EvseId} to {LimitText(c.LimitW, c.LimitA)}{(c.TransactionId is null ? "" : $" (transaction {c.TransactionId})")}",
            SetV2xProfileCommand c => $"a TxProfile for EVSE {c.EvseId} with operationMode {c.OperationMode}{V2xText(c.SetpointW, c.LimitW, c.DischargeLimitW)} (transaction {c.TransactionId})",
            SetV2xCurveProfileCommand { HasCurve: false } c => $"a TxProfile for EVSE {c.EvseId} with operationMode {c.OperationMode} (transaction {c.TransactionId})",
            SetV2xCurveProfileCommand c => $"a TxProfile for EVSE {c.EvseId} with operationMode {c.OperationMode}{CurveText(c)} (transaction {c.TransactionId})",
            ClearChargingProfileCommand c => c.EvseId is null ? "clearing every charging profile" : $"clearing the charging profiles of EVSE {c.EvseId}",
            GetCompositeScheduleCommand c => $"for EVSE {c.EvseId} over {c.DurationSeconds} s",
            RemoteStartCommand c => $"on EVSE {c.EvseId} for token {c.IdTag}",
            RemoteStopCommand c => $"for transaction {c.TransactionId}",
            ResetCommand c => $"of type {c.VersionResetType}",
            ChangeAvailabilityCommand c => $"making {(c.EvseId == 0 ? "the station" : $"EVSE {c.EvseId}")} {c.OperationalStatus}",
            UnlockConnectorCommand c => $"for connector {c.ConnectorId} of EVSE {c.EvseId}",
            TriggerMessageCommand c => $"asking for {c.RequestedMessage}{(c.EvseId is null ? "" : $" of EVSE {c.EvseId}")}",
            GetConfigurationCommand c => c.Key is null ? "for every key" : $"for key {c.Key}",
            ChangeConfigurationCommand c => $"setting {c.Key} to {c.Value}",
            GetVariablesCommand c => $"for {c.ComponentVariable}",
            SetVariablesCommand c => $"setting {c.ComponentVariable} to {c.Value}",
            GetBaseReportCommand c => $"asking for the {c.ReportBase} report",
            NotifyAllowedEnergyTransferCommand c => $"allowing {string.Join(", ", c.AllowedEnergyTransfer)} for transaction {c.TransactionId}",
            SetDerControlCommand c => $"setting {(c.Control.IsDefault ? "default " : "")}{c.Control.ControlType} control {c.Control.ControlId}",
            GetDerControlCommand c => DerSelection(c.IsDefault, c.ControlType, c.ControlId),
            ClearDerControlCommand c => DerSelection(c.IsDefault, c.ControlType, c.ControlId),
            AfrrSignalCommand c => string.Create(CultureInfo.InvariantCulture, $"with signal {c.Signal} from {c.Timestamp:yyyy-MM-dd'T'HH:mm:ss'Z'}"),
            UpdateFirmwareCommand c => FirmwareText(c),
            _ => throw new ArgumentException($"no operator instruction for {command.GetType().Name}", nameof(command)),
        };
        return $"make the CSMS send {command.OcppAction ?? command.Kind.ToString()} to {command.StationId} {what}";
    }

    private static string FirmwareText(UpdateFirmwareCommand c) => string.Concat(
        $"with a new requestId, firmware.location {c.Location}, firmware.retrieveDateTime now",
        c.InstallDateTime is { } install ? string.Create(CultureInfo.InvariantCulture, $", firmware.installDateTime {install:yyyy-MM-dd'T'HH:mm:ss'Z'}") : "",
        c.Retries is { } retries ? string.Create(CultureInfo.InvariantCulture, $", retries {retries}") : "",
        c.RetryInterval is { } interval ? string.Create(CultureInfo.InvariantCulture, $", retryInterval {interval}") : "",
        c.Signature is { } signature ? $", firmware.signature {signature}" : "",
        c.SigningCertificate is { } pem ? $", firmware.signingCertificate:\n{pem}" : "");

    private static string DerSelection(bool? isDefault, string? controlType, string? controlId) =>
        $"for {isDefault switch { true => "default ", false => "scheduled ", _ => "" }}DER controls{(controlType is null ? "" : $" of type {controlType}")}{(controlId is null ? "" : $" with id {controlId}")}";

    private static string V2xText(decimal? setpointW, decimal? limitW, decimal? dischargeLimitW) =>
        string.Concat(
            setpointW is { } setpoint ? string.Create(CultureInfo.InvariantCulture, $", setpoint {setpoint / 1000:0.###} kW") : "",
            limitW is { } limit ? string.Create(CultureInfo.InvariantCulture, $", limit {limit / 1000:0.###} kW") : "",
            dischargeLimitW is { } discharge ? string.Create(CultureInfo.InvariantCulture, $", discharge limit {discharge / 1000:0.###} kW") : "");

    private static string CurveText(SetV2xCurveProfileCommand c)
    {
        var points = c.FreqWattCurve is { } freq
            ? freq.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Frequency:0.###} Hz → {p.Power / 1000:0.###} kW"))
            : (c.SignalWattCurve ?? []).Select(p => string.Create(CultureInfo.InvariantCulture, $"signal {p.Signal} → {p.Power / 1000:0.###} kW"));
        var baseline = c.BaselineW is { } b ? string.Create(CultureInfo.InvariantCulture, $", baseline {b / 1000:0.###} kW") : "";
        return $"{baseline}, {(c.FreqWattCurve is null ? "signal" : "frequency")}-watt curve {string.Join("; ", points)}";
    }

    private static string LimitText(decimal? limitW, decimal? limitA) => limitW is { } w
        ? string.Create(CultureInfo.InvariantCulture, $"{w / 1000:0.###} kW")
        : string.Create(CultureInfo.InvariantCulture, $"{limitA:0.###} A");
}

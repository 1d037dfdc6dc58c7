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
            SetChargingProfileCommand { IsScheduled: true } c => ScheduleText(c),
            SetChargingProfileCommand c => $"a {c.Purpose} limiting EVSE {c.EvseId} to {LimitText(c.LimitW, c.LimitA)}{(c.TransactionId is null ? "" : $" (transaction {c.TransactionId})")}",
            SetV2xDynamicProfileCommand c => $"a Dynamic TxProfile for EVSE {c.EvseId} with operationMode {c.OperationMode}{V2xText(c.SetpointW, c.LimitW, c.DischargeLimitW)}{(c.DynUpdateIntervalS is { } pull ? $", dynUpdateInterval {pull} s (the station pulls its updates)" : " and no dynUpdateInterval (the CSMS pushes its updates)")} (transaction {c.TransactionId})",
            SetV2xProfileCommand c => $"a TxProfile for EVSE {c.EvseId} with operationMode {c.OperationMode}{V2xText(c.SetpointW, c.LimitW, c.DischargeLimitW)} (transaction {c.TransactionId})",
            SetV2xCurveProfileCommand { HasCurve: false } c => $"a TxProfile for EVSE {c.EvseId} with operationMode {c.OperationMode} (transaction {c.TransactionId})",
            SetV2xCurveProfileCommand c => $"a TxProfile for EVSE {c.EvseId} with operationMode {c.OperationMode}{CurveText(c)} (transaction {c.TransactionId})",
            ClearChargingProfileCommand { ProfileId: { } id } => $"clearing the charging profile with id {id} (chargingProfileId only, no criteria)",
            ClearChargingProfileCommand c when c.Purpose is not null || c.StackLevel is not null => ClearText(c),
            ClearChargingProfileCommand c => c.EvseId is null ? "clearing every charging profile" : $"clearing the charging profiles of EVSE {c.EvseId}",
            GetCompositeScheduleCommand c => $"for {(c.EvseId == 0 ? "the whole station (evseId 0)" : $"EVSE {c.EvseId}")} over {c.DurationSeconds} s in {c.Unit}",
            GetChargingProfilesCommand c => ProfilesText(c),
            RemoteStartCommand c => $"on EVSE {c.EvseId} for token {c.IdTag}{(c.Version == DerSim.Ocpp.OcppVersion.V16 ? "" : $" (type {c.IdTokenType})")}{(c.TxProfileLimitW is { } w ? $" with a TxProfile (no transactionId) limiting it to {w} W from its start" : "")}",
            RemoteStopCommand c => $"for transaction {c.TransactionId}",
            ResetCommand c => $"of type {c.VersionResetType}",
            ChangeAvailabilityCommand c => $"making {(c.EvseId == 0 ? "the station" : c.ConnectorId is { } connector ? $"connector {connector} of EVSE {c.EvseId}" : $"EVSE {c.EvseId}")} {c.OperationalStatus}",
            UnlockConnectorCommand c => $"for connector {c.ConnectorId} of EVSE {c.EvseId}",
            TriggerMessageCommand { Extended: true } c => $"asking for {c.RequestedMessage}{(c.EvseId is null ? " (no connectorId)" : $" of connector {c.EvseId}")}",
            TriggerMessageCommand c => $"asking for {c.RequestedMessage}{(c.EvseId is null ? "" : $" of EVSE {c.EvseId}")}",
            GetConfigurationCommand c => c.Key is null ? "for every key" : $"for key {c.Key}",
            ChangeConfigurationCommand { ValueChosenByCsms: true } c => $"setting {c.Key} to a new value of the CSMS's choosing",
            ChangeConfigurationCommand c => $"setting {c.Key} to {c.Value}",
            GetVariablesCommand c => $"for {c.ComponentVariable}",
            SetVariablesCommand { ValueChosenByCsms: true } c => $"setting {c.ComponentVariable} to a new value of the CSMS's choosing",
            SetVariablesCommand c => $"setting {c.ComponentVariable} to {c.Value}",
            GetBaseReportCommand c => $"asking for the {c.ReportBase} report",
            NotifyAllowedEnergyTransferCommand c => $"allowing {string.Join(", ", c.AllowedEnergyTransfer)} for transaction {c.TransactionId}",
            SetDerControlCommand c => $"setting {(c.Control.IsDefault ? "default " : "")}{c.Control.ControlType} control {c.Control.ControlId}",
            GetDerControlCommand c => DerSelection(c.IsDefault, c.ControlType, c.ControlId),
            ClearDerControlCommand c => DerSelection(c.IsDefault, c.ControlType, c.ControlId),
            AfrrSignalCommand c => string.Create(CultureInfo.InvariantCulture, $"with signal {c.Signal} from {c.Timestamp:yyyy-MM-dd'T'HH:mm:ss'Z'}"),
            InstallCertificateCommand c => $"installing this {c.CertificateType}:\n{c.Certificate.Trim()}",
            GetInstalledCertificateIdsCommand c => c.CertificateTypes.Count == 0 ? "for the installed certificates of every type (certificateType left out)" : $"for the installed certificates of type {string.Join(", ", c.CertificateTypes)}",
            DeleteCertificateCommand c => $"deleting the certificate with serial number {c.SerialNumber} (hashAlgorithm {c.HashAlgorithm}, issuerNameHash {c.IssuerNameHash}, issuerKeyHash {c.IssuerKeyHash}), as the station reported it in its last GetInstalledCertificateIds answer",
            ClearCacheCommand => "to clear its whole authorization cache",
            GetLogCommand c => $"asking for the {c.LogType} uploaded to {c.RemoteLocation}{LogPeriodText(c.OldestTimestamp, c.LatestTimestamp)}{(c.Retries is { } r ? $", {r} retries {c.RetryInterval ?? 0} s apart" : "")}",
            CustomerInformationCommand c => $"with report {(c.Report ? "true" : "false")} and clear {(c.Clear ? "true" : "false")} for {(c.IdToken is { } t ? $"idToken {t} of type {c.IdTokenType ?? DerSim.Ocpp.Dialects.IdTokenTypes.Fitting(t)}" : $"customerIdentifier {c.CustomerIdentifier}")}",
            SetNetworkProfileCommand c => $"storing in configuration slot {c.ConfigurationSlot} a JSON profile for {c.CsmsUrl} with security profile {c.SecurityProfile}, messageTimeout {c.MessageTimeout} s, interface {c.OcppInterface}",
            SetNetworkConfigurationCommand c => $"adding a network configuration for configuration slot {c.ConfigurationSlot}: the variables of component {SetNetworkConfigurationCommand.Component} with instance {c.ConfigurationSlot}, {string.Join(", ", c.Values.Select(v => $"{v.Variable} {v.Value}"))}",
            UpdateFirmwareCommand c => FirmwareText(c),
            SendLocalListCommand c => LocalListText(c),
            GetLocalListVersionCommand => "asking for the version of its local authorization list",
            ReserveNowCommand c => string.Create(CultureInfo.InvariantCulture, $"reserving {(c.ConnectorId == 0 ? "the charge point as a whole (connectorId 0)" : $"connector {c.ConnectorId}")} for idTag {c.IdTag}{(c.ParentIdTag is { } parent ? $" with parentIdTag {parent}" : "")}, expiring at {c.ExpiryDate.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} (a reservationId of the CSMS's choosing)"),
            CancelReservationCommand c => string.Create(CultureInfo.InvariantCulture, $"cancelling reservation {c.ReservationId}"),
            GetDiagnosticsCommand c => $"asking for the diagnostics uploaded to {c.Location}{LogPeriodText(c.StartTime, c.StopTime)}{(c.Retries is { } r ? $", {r} retries {c.RetryInterval ?? 0} s apart" : "")}",
            UpdateDynamicScheduleCommand c => $"for its Dynamic charging profile {c.ChargingProfileId}: scheduleUpdate{V2xText(c.SetpointW, c.LimitW, c.DischargeLimitW).TrimStart(',')}",
            SetDefaultTariffCommand c => TariffText(c),
            _ => throw new ArgumentException($"no operator instruction for {command.GetType().Name}", nameof(command)),
        };
        return $"make the CSMS send {command.OcppAction ?? command.Kind.ToString()} to {command.StationId} {what}";
    }

    private static string TariffText(SetDefaultTariffCommand c)
    {
        IEnumerable<string> prices =
        [
            .. c.PricePerMinute is { } minute ? [string.Create(CultureInfo.InvariantCulture, $"{minute} {c.Currency} per minute of charging time")] : Array.Empty<string>(),
            .. c.PricePerKwh is { } kwh ? [string.Create(CultureInfo.InvariantCulture, $"{kwh} {c.Currency} per kWh")] : Array.Empty<string>(),
        ];
        return $"a default tariff for {(c.EvseId == 0 ? "every EVSE (evseId 0)" : $"EVSE {c.EvseId}")} of {string.Join(" and ", prices)} without tax, no conditions (a tariffId of the CSMS's choosing)";
    }

    private static string LocalListText(SendLocalListCommand c) => string.Concat(
        $"a {c.UpdateType} local authorization list update (listVersion of the CSMS's choosing",
        c.UpdateType == "Differential" ? ", above the version the station holds" : "",
        ") with ",
        string.Join(", ", c.Entries.Select(e => $"idTag {e.IdTag} (idTagInfo.status {e.Status}{(e.ParentIdTag is { } p ? $", parentIdTag {p}" : "")})")));

    private static string LogPeriodText(DateTimeOffset? oldest, DateTimeOffset? latest) =>
        (oldest, latest) switch
        {
            (null, null) => "",
            _ => string.Create(CultureInfo.InvariantCulture, $", entries{(oldest is { } o ? $" from {o.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}" : "")}{(latest is { } l ? $" up to {l.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}" : "")}"),
        };
    private static string FirmwareText(UpdateFirmwareCommand c) => string.Concat(
        c.Version == DerSim.Ocpp.OcppVersion.V16 ? $"with location {c.Location}, retrieveDate now" : $"with a new requestId, firmware.location {c.Location}, firmware.retrieveDateTime now",
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

    private static string ScheduleText(SetChargingProfileCommand c)
    {
        var periods = (c.Periods ?? [(0, c.LimitW ?? c.LimitA ?? 0)])
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Limit:0.###} {c.RateUnit} from {p.StartPeriod} s"));
        return string.Concat(
            $"a {c.ProfileKind}{(c.RecurrencyKind is { } r ? $" ({r})" : "")} {c.Purpose} for {(c.EvseId == 0 ? "the whole station (evseId 0)" : $"EVSE {c.EvseId}")}",
            string.Create(CultureInfo.InvariantCulture, $" at stack level {c.StackLevel}"),
            c.KeepsProfileId ? string.Create(CultureInfo.InvariantCulture, $" with chargingProfile.id {c.ProfileId} (replacing that profile)") : "",
            c.TransactionId is { } tx && c.Purpose == "TxProfile" ? $" for transaction {tx}" : "",
            $", limit {string.Join(", then ", periods)}",
            c.DurationSeconds is { } d ? string.Create(CultureInfo.InvariantCulture, $", schedule duration {d} s") : "",
            c.StartSchedule is not null ? ", startSchedule now" : "",
            c.ValidFrom is not null ? ", validFrom now" : "",
            c.ValidTo is { } to && c.ValidFrom is { } from ? string.Create(CultureInfo.InvariantCulture, $", validTo {(to - from).TotalSeconds:0} s later") : "");
    }

    private static string ClearText(ClearChargingProfileCommand c) =>
        string.Concat(
            "clearing by criteria (no chargingProfileId)",
            c.Purpose is { } p ? $": purpose {p}" : ":",
            c.StackLevel is { } level ? string.Create(CultureInfo.InvariantCulture, $", stack level {level}") : "",
            c.EvseId is { } evse ? string.Create(CultureInfo.InvariantCulture, $", EVSE {evse}") : "");

    private static string ProfilesText(GetChargingProfilesCommand c) =>
        string.Concat(
            "asking for the charging profiles",
            c.EvseId switch { null => " of every EVSE (no evseId)", 0 => " of the station itself (evseId 0)", { } e => string.Create(CultureInfo.InvariantCulture, $" of EVSE {e}") },
            c.ProfileIds is { } ids ? $" with id {string.Join(", ", ids)}" : "",
            c.Purpose is { } p ? $" with purpose {p}" : "",
            c.StackLevel is { } level ? string.Create(CultureInfo.InvariantCulture, $" at stack level {level}") : "",
            c.Sources is { } sources ? $" from source {string.Join(", ", sources)}" : "",
            " (any requestId)");

    private static string LimitText(decimal? limitW, decimal? limitA) => limitW is { } w
        ? string.Create(CultureInfo.InvariantCulture, $"{w / 1000:0.###} kW")
        : string.Create(CultureInfo.InvariantCulture, $"{limitA:0.###} A");
}

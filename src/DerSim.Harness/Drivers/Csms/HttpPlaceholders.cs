using System.Globalization;
using DerSim.Ocpp;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// What the <see cref="HttpCsmsDriver"/> makes of a <see cref="CsmsCommand"/>: the name of its template and the values
/// it substitutes into it, by placeholder name (listed per action by <see cref="CsmsActionCatalogue"/>). Driver
/// configurations name these placeholders: a name or value changed here breaks them.
/// </summary>
public static class HttpPlaceholders
{
    /// <summary>
    /// The name of the Http driver's template for <paramref name="command"/>: its <see cref="CsmsCommand.Kind"/>, except a
    /// 2.1 SetChargingProfile with an operationMode, which needs a template of its own (SetChargingProfileV2x) so a plain
    /// limit template never sends it without its setpoint and mode, and one with a curve (SetChargingProfileV2xCurve),
    /// so a setpoint template never sends it without its curve.
    /// </summary>
    public static string TemplateName(CsmsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            // A Dynamic profile is more than a setpoint template says (its kind, its dynUpdateInterval): one of its own,
            // or the default action's full payload.
            SetV2xDynamicProfileCommand => "SetChargingProfileV2xDynamic",
            SetV2xCurveProfileCommand { HasCurve: true } => "SetChargingProfileV2xCurve",
            SetV2xProfileCommand or SetV2xCurveProfileCommand => "SetChargingProfileV2x",
            // A profile with a schedule of its own (kind, validity, start, stack level, periods) is more than a "set a
            // limit" template says: it needs one of its own, or the default action's full payload.
            SetChargingProfileCommand { IsScheduled: true } => "SetChargingProfileSchedule",
            _ => command.Kind.ToString(),
        };
    }

    /// <summary>The values the Http driver substitutes into <paramref name="command"/>'s template, by placeholder name.</summary>
    /// <exception cref="ArgumentException">A value the OCPP payload needs is not one the station's version knows.</exception>
    public static IReadOnlyDictionary<string, string> For(CsmsCommand command) => Values(command, payload: true);

    /// <summary>
    /// The names of <see cref="For"/>, without building the OCPP payload: what a template may use, for the action
    /// catalogue (whose sample arguments need not be values OCPP knows).
    /// </summary>
    public static IReadOnlyCollection<string> Names(CsmsCommand command) => Values(command, payload: false).Keys;

    /// <summary>A 2.x date-time: UTC with milliseconds, as the DER control schedules use.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Values(CsmsCommand command, bool payload)
    {
        ArgumentNullException.ThrowIfNull(command);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["stationId"] = command.StationId,
            ["ocppVersion"] = command.Version.DisplayName(),
            ["ocppAction"] = command.OcppAction ?? command.Kind.ToString(),
            // Every action provides these two, so one template (dersim.http.defaultAction) may name them for any action:
            // a profile id (1 where the action has none), and a transaction id, empty rather than missing, so a body
            // template names it for TxProfiles and TxDefaultProfiles alike.
            ["profileId"] = "1",
            ["transactionId"] = "",
        };
        var add = new Adder(values, command.Version);
        switch (command)
        {
            case SetChargingProfileCommand c:
                add.Evse(c.EvseId);
                add.Limit(c.LimitW);
                add.Add("limitA", c.LimitA);
                add.Add("purpose", c.Purpose);
                add.Add("profileId", c.ProfileId);
                add.Add("transactionId", c.TransactionId);
                add.Add("stackLevel", c.StackLevel);
                add.Add("chargingProfileKind", c.ProfileKind);
                add.Add("recurrencyKind", c.RecurrencyKind);
                add.Add("chargingRateUnit", c.RateUnit);
                add.Add("validFrom", c.ValidFrom is { } from ? Timestamp(from) : null);
                add.Add("validTo", c.ValidTo is { } to ? Timestamp(to) : null);
                add.Add("startSchedule", c.StartSchedule is { } start ? Timestamp(start) : null);
                add.Add("scheduleDurationSeconds", c.DurationSeconds);
                break;
            case SetV2xProfileCommand c:
                add.Evse(c.EvseId);
                add.Limit(c.LimitW);
                add.Add("setpointW", c.SetpointW);
                add.Add("dischargeLimitW", c.DischargeLimitW);
                add.V2x(c.TransactionId, c.OperationMode, c.ProfileId, c.SetpointW, c.LimitW, c.DischargeLimitW, baselineW: null);
                break;
            case SetV2xDynamicProfileCommand c:
                add.Evse(c.EvseId);
                add.Limit(c.LimitW);
                add.Add("setpointW", c.SetpointW);
                add.Add("dischargeLimitW", c.DischargeLimitW);
                add.Add("dynUpdateIntervalSeconds", c.DynUpdateIntervalS);
                add.V2x(c.TransactionId, c.OperationMode, c.ProfileId, c.SetpointW, c.LimitW, c.DischargeLimitW, baselineW: null);
                break;
            case SetV2xCurveProfileCommand c:
                add.Evse(c.EvseId);
                add.V2x(c.TransactionId, c.OperationMode, c.ProfileId, setpointW: null, limitW: null, dischargeLimitW: null, c.BaselineW);
                break;
            case ClearChargingProfileCommand c:
                add.Evse(c.EvseId);
                add.Add("chargingProfileId", c.ProfileId);
                add.Add("purpose", c.Purpose);
                add.Add("stackLevel", c.StackLevel);
                break;
            case GetCompositeScheduleCommand c:
                add.Evse(c.EvseId);
                add.Add("durationSeconds", c.DurationSeconds);
                add.Add("chargingRateUnit", c.Unit);
                break;
            case GetChargingProfilesCommand c:
                add.Evse(c.EvseId);
                add.Add("requestId", c.RequestId);
                add.Add("purpose", c.Purpose);
                add.Add("stackLevel", c.StackLevel);
                add.Add("chargingProfileIds", c.ProfileIds is { } ids ? string.Join(",", ids) : null);
                add.Add("chargingLimitSources", c.Sources is { } sources ? string.Join(",", sources) : null);
                break;
            case RemoteStartCommand c:
                add.Evse(c.EvseId);
                add.Add("idTag", c.IdTag);
                add.Add("idTagType", c.IdTokenType);

                // Empty rather than missing without a TxProfile, so one remote-start template serves both.
                values["txProfileLimitW"] = c.TxProfileLimitW?.ToString(CultureInfo.InvariantCulture) ?? "";
                break;
            case RemoteStopCommand c:
                add.Evse(c.EvseId);
                add.Add("transactionId", c.TransactionId);
                break;
            case ResetCommand c:
                add.Add("resetType", c.VersionResetType);
                add.Add("resetTypeV16", c.ResetType);
                break;
            case ChangeAvailabilityCommand c:
                add.Evse(c.EvseId, c.ConnectorId);

                // Always there: the connector of a connector-level change, "" (absent) for an EVSE or the station.
                add.Add("evseConnectorId", c.ConnectorId?.ToString(CultureInfo.InvariantCulture) ?? "");
                add.Add("operative", c.OperationalStatus == "Operative" ? "true" : "false");
                add.Add("operationalStatus", c.OperationalStatus);
                break;
            case UnlockConnectorCommand c:
                add.Evse(c.EvseId, c.ConnectorId);
                break;
            case TriggerMessageCommand c:
                add.Evse(c.EvseId);
                add.Add("requestedMessage", c.RequestedMessage);
                break;
            case GetConfigurationCommand c:
                add.Key(c.Key);
                break;
            case ChangeConfigurationCommand c:
                add.Key(c.Key, c.Value);
                break;
            case GetVariablesCommand c:
                add.Key(c.ComponentVariable);
                break;
            case SetVariablesCommand c:
                add.Key(c.ComponentVariable, c.Value);
                break;
            case GetBaseReportCommand c:
                add.Key(c.ReportBase);
                break;
            case NotifyAllowedEnergyTransferCommand c:
                add.Evse(c.EvseId);
                add.Add("transactionId", c.TransactionId);
                add.Add("allowedEnergyTransfer", string.Join(",", c.AllowedEnergyTransfer));
                break;
            case AfrrSignalCommand c:
                add.Add("signal", c.Signal);
                add.Add("timestamp", Timestamp(c.Timestamp));
                break;
            case SetDerControlCommand c:
                add.Der(c.Control.ControlType, c.Control.ControlId, c.Control.IsDefault);
                break;
            case GetDerControlCommand c:
                // The request id has always been offered under this name.
                add.Add("profileId", c.RequestId);
                add.Der(c.ControlType, c.ControlId, c.IsDefault);
                break;
            case ClearDerControlCommand c:
                add.Der(c.ControlType, c.ControlId, c.IsDefault);
                break;
            case InstallCertificateCommand c:
                add.Add("certificateType", c.CertificateType);
                add.Add("certificate", c.Certificate);
                break;
            case GetInstalledCertificateIdsCommand c:
                add.Add("certificateTypes", string.Join(",", c.CertificateTypes));
                break;
            case DeleteCertificateCommand c:
                add.Add("hashAlgorithm", c.HashAlgorithm);
                add.Add("issuerNameHash", c.IssuerNameHash);
                add.Add("issuerKeyHash", c.IssuerKeyHash);
                add.Add("serialNumber", c.SerialNumber);
                break;
            case ClearCacheCommand:
                // No fields: the payload is {}.
                break;
            case GetLogCommand c:
                add.Add("requestId", c.RequestId);
                add.Add("logType", c.LogType);
                add.Add("remoteLocation", c.RemoteLocation);
                add.Add("oldestTimestamp", c.OldestTimestamp is { } oldest ? Timestamp(oldest) : null);
                add.Add("latestTimestamp", c.LatestTimestamp is { } latest ? Timestamp(latest) : null);
                add.Add("retries", c.Retries);
                add.Add("retryInterval", c.RetryInterval);
                break;
            case CustomerInformationCommand c:
                add.Add("requestId", c.RequestId);
                add.Add("report", c.Report ? "true" : "false");
                add.Add("clear", c.Clear ? "true" : "false");
                add.Add("idTag", c.IdToken);
                add.Add("idTagType", c.IdToken is { } token ? c.IdTokenType ?? Ocpp.Dialects.IdTokenTypes.Fitting(token) : null);
                add.Add("customerIdentifier", c.CustomerIdentifier);
                break;
            case INetworkSlotCommand c:
                add.Add("configurationSlot", c.ConfigurationSlot);
                add.Add("ocppCsmsUrl", c.CsmsUrl);
                add.Add("securityProfile", c.SecurityProfile);
                add.Add("messageTimeout", c.MessageTimeout);
                add.Add("ocppInterface", c.OcppInterface);
                break;
            case UpdateDynamicScheduleCommand c:
                add.Add("chargingProfileId", c.ChargingProfileId);
                add.Add("setpointW", c.SetpointW);
                add.Add("limitW", c.LimitW);
                add.Add("dischargeLimitW", c.DischargeLimitW);
                break;
            case UpdateFirmwareCommand c:
                add.Add("requestId", c.RequestId);
                add.Add("location", c.Location);
                add.Add("retrieveDateTime", Timestamp(c.RetrieveDateTime));
                add.Add("installDateTime", c.InstallDateTime is { } install ? Timestamp(install) : null);
                add.Add("signingCertificate", c.SigningCertificate);
                add.Add("signature", c.Signature);
                add.Add("retries", c.Retries);
                add.Add("retryInterval", c.RetryInterval);
                break;
            case SendLocalListCommand c:
                add.Add("listVersion", c.ListVersion);
                add.Add("updateType", c.UpdateType);
                add.Add("idTags", string.Join(",", c.Entries.Select(e => e.IdTag)));
                break;
            case GetLocalListVersionCommand:
                // No fields: the payload is {}.
                break;
            case ReserveNowCommand c:
                add.Add("connectorId", c.ConnectorId);
                add.Add("expiryDate", Timestamp(c.ExpiryDate));
                add.Add("idTag", c.IdTag);
                add.Add("parentIdTag", c.ParentIdTag);
                add.Add("reservationId", c.ReservationId);
                break;
            case CancelReservationCommand c:
                add.Add("reservationId", c.ReservationId);
                break;
            case GetDiagnosticsCommand c:
                add.Add("location", c.Location);
                add.Add("startTime", c.StartTime is { } startTime ? Timestamp(startTime) : null);
                add.Add("stopTime", c.StopTime is { } stopTime ? Timestamp(stopTime) : null);
                add.Add("retries", c.Retries);
                add.Add("retryInterval", c.RetryInterval);
                break;
            case SetDefaultTariffCommand c:
                add.Evse(c.EvseId);
                add.Add("tariffId", c.TariffId);
                add.Add("currency", c.Currency);
                add.Add("pricePerMinute", c.PricePerMinute);
                add.Add("pricePerKwh", c.PricePerKwh);
                break;
            default:
                throw new ArgumentException($"the Http CSMS driver has no placeholders for {command.GetType().Name}", nameof(command));
        }

        if (command.OcppAction is not null)
        {
            values["payload"] = payload ? command.Payload().GetRawText() : "";
        }

        return values;
    }

    /// <summary>Sets placeholders from typed values: null leaves a placeholder out (or as it is), others go in as invariant text.</summary>
    private sealed class Adder(Dictionary<string, string> values, OcppVersion version)
    {
        public void Add(string name, object? value)
        {
            if (value is not null)
            {
                values[name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        /// <summary>The EVSE, and the connector: 1.6 addresses an EVSE by its connector id, 2.x names one only where it has one.</summary>
        public void Evse(int? evseId, int? connectorId = null)
        {
            Add("evseId", evseId);
            Add("connectorId", connectorId ?? (version == OcppVersion.V16 ? evseId : null));
        }

        public void Limit(decimal? limitW)
        {
            Add("limitW", limitW);
            Add("limitKw", limitW / 1000);
        }

        /// <summary>A 1.6 key or a 2.x "Component.Variable", offered both ways whatever the version.</summary>
        public void Key(string? key, string? value = null)
        {
            Add("key", key);
            Add("value", value);
            Add("component", DeviceModelKey.Component(key));
            Add("variable", DeviceModelKey.Variable(key));
        }

        public void V2x(string transactionId, string operationMode, int profileId, decimal? setpointW, decimal? limitW, decimal? dischargeLimitW, decimal? baselineW)
        {
            Add("purpose", "TxProfile");
            Add("profileId", profileId);
            Add("transactionId", transactionId);
            Add("operationMode", operationMode);
            // Empty rather than missing, as transactionId: one V2X template serves every operation mode.
            values["v2xSetpointW"] = Convert.ToString(setpointW, CultureInfo.InvariantCulture) ?? "";
            values["v2xLimitW"] = Convert.ToString(limitW, CultureInfo.InvariantCulture) ?? "";
            values["v2xDischargeLimitW"] = Convert.ToString(dischargeLimitW, CultureInfo.InvariantCulture) ?? "";
            values["v2xBaselineW"] = Convert.ToString(baselineW, CultureInfo.InvariantCulture) ?? "";
        }

        /// <summary>The DER selection, each empty rather than missing: one template serves every selection.</summary>
        public void Der(string? controlType, string? controlId, bool? isDefault)
        {
            values["controlType"] = controlType ?? "";
            values["controlId"] = controlId ?? "";
            values["isDefault"] = isDefault is null ? "" : isDefault.Value ? "true" : "false";
        }
    }
}

using System.Globalization;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;
using V2XFreqWattPointType = DerSim.Ocpp.V21.V2XFreqWattPointType;
using V2XSignalWattPointType = DerSim.Ocpp.V21.V2XSignalWattPointType;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// One CSMS-initiated action for one station, in version-neutral terms; <see cref="OcppAction"/> and
/// <see cref="Payload"/> give the station version's message. Build it with the static factories.
/// </summary>
public sealed record CsmsCommand
{
    private CsmsCommand(CsmsActionKind kind, string stationId, OcppVersion version)
    {
        Kind = kind;
        StationId = stationId;
        Version = version;
    }

    /// <summary>The action.</summary>
    public CsmsActionKind Kind { get; }

    /// <summary>The station it is for.</summary>
    public string StationId { get; }

    /// <summary>The station's OCPP version.</summary>
    public OcppVersion Version { get; }

    /// <summary>The EVSE (1.6: the connector id of the EVSE's connector); 0 or null for the whole station.</summary>
    public int? EvseId { get; init; }

    /// <summary>The connector within the EVSE (2.x UnlockConnector, ChangeAvailability).</summary>
    public int? ConnectorId { get; init; }

    /// <summary>A charging limit in W (SetChargingProfile with unit W).</summary>
    public decimal? LimitW { get; init; }

    /// <summary>A charging limit in A (SetChargingProfile with unit A).</summary>
    public decimal? LimitA { get; init; }

    /// <summary>TxProfile or TxDefaultProfile.</summary>
    public string? Purpose { get; init; }

    /// <summary>The charging profile id; the default value is 1.</summary>
    public int ProfileId { get; init; } = 1;

    /// <summary>The id token (RemoteStart).</summary>
    public string? IdTag { get; init; }

    /// <summary>The 2.x type of <see cref="IdTag"/> (RemoteStart); null for the type its text fits.</summary>
    public string? IdTagType { get; init; }

    /// <summary>The transaction the action is about (TxProfile, RemoteStop), as the station reported it.</summary>
    public string? TransactionId { get; init; }

    /// <summary>Soft or Hard (1.6); the 2.x payload uses OnIdle or Immediate.</summary>
    public string? ResetType { get; init; }

    /// <summary>Operative or Inoperative.</summary>
    public string? OperationalStatus { get; init; }

    /// <summary>The message a TriggerMessage asks for (StatusNotification, MeterValues, Heartbeat, BootNotification).</summary>
    public string? RequestedMessage { get; init; }

    /// <summary>A 1.6 configuration key, or a 2.x "Component.Variable".</summary>
    public string? Key { get; init; }

    /// <summary>The value to set.</summary>
    public string? Value { get; init; }

    /// <summary>Seconds of a GetCompositeSchedule.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>2.1 SetChargingProfile: the period's setpoint in W (negative: discharge).</summary>
    public decimal? SetpointW { get; init; }

    /// <summary>2.1 SetChargingProfile: the period's discharge limit in W (0 or negative).</summary>
    public decimal? DischargeLimitW { get; init; }

    /// <summary>2.1 SetChargingProfile: the period's operationMode (ChargingOnly, CentralSetpoint, ExternalLimits, Idle, …).</summary>
    public string? OperationMode { get; init; }

    /// <summary>2.1 NotifyAllowedEnergyTransfer: the modes allowed (DC, DC_BPT, AC_BPT, …).</summary>
    public IReadOnlyList<string>? AllowedEnergyTransfer { get; init; }

    /// <summary>2.1 SetDERControl: the control.</summary>
    public DerControlSpec? DerControl { get; init; }

    /// <summary>2.1 GetDERControl / ClearDERControl: the control type to select.</summary>
    public string? ControlType { get; init; }

    /// <summary>2.1 GetDERControl / ClearDERControl: the control id to select.</summary>
    public string? ControlId { get; init; }

    /// <summary>2.1 GetDERControl / ClearDERControl: default or scheduled controls.</summary>
    public bool? IsDefault { get; init; }

    /// <summary>2.1 SetChargingProfile: the period's v2xFreqWattCurve (LocalFrequency), as given.</summary>
    public IReadOnlyList<V2XFreqWattPointType>? FreqWattCurve { get; init; }

    /// <summary>2.1 SetChargingProfile: the period's v2xSignalWattCurve (CentralFrequency), as given.</summary>
    public IReadOnlyList<V2XSignalWattPointType>? SignalWattCurve { get; init; }

    /// <summary>2.1 SetChargingProfile: the period's v2xBaseline in W, added to the curve's power (negative: discharge).</summary>
    public decimal? BaselineW { get; init; }

    /// <summary>2.1 AFRRSignal: the signal value.</summary>
    public int? Signal { get; init; }

    /// <summary>2.1 AFRRSignal: when the signal applies, on the scenario's simulated clock.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Whether the command uses what only OCPP 2.1 can say (V2X periods, DER, allowed energy transfer, aFRR).</summary>
    public bool NeedsV21 => Kind is CsmsActionKind.NotifyAllowedEnergyTransfer or CsmsActionKind.SetDERControl or CsmsActionKind.GetDERControl or CsmsActionKind.ClearDERControl or CsmsActionKind.AFRRSignal
        || SetpointW is not null || DischargeLimitW is not null || OperationMode is not null
        || FreqWattCurve is not null || SignalWattCurve is not null || BaselineW is not null;

    /// <summary>Whether the command is a 2.1 SetChargingProfile whose period carries a frequency-watt or signal-watt curve.</summary>
    public bool HasV2xCurve => Kind == CsmsActionKind.SetChargingProfile && (FreqWattCurve is not null || SignalWattCurve is not null);

    /// <summary>SetChargingProfile: a TxProfile or TxDefaultProfile limiting an EVSE to a power (W) or current (A).</summary>
    public static CsmsCommand SetChargingProfile(string stationId, OcppVersion version, string purpose, int evseId, decimal? limitW, decimal? limitA = null, string? transactionId = null, int profileId = 1) =>
        new(CsmsActionKind.SetChargingProfile, stationId, version) { Purpose = purpose, EvseId = evseId, LimitW = limitW, LimitA = limitA, TransactionId = transactionId, ProfileId = profileId };

    /// <summary>
    /// 2.1 SetChargingProfile: a TxProfile for a transaction whose one period carries an operationMode and, as given, a
    /// setpoint, a (charge) limit and a discharge limit, all in W. Not applicable on 1.6 and 2.0.1.
    /// </summary>
    public static CsmsCommand SetV2xProfile(string stationId, OcppVersion version, int evseId, string transactionId, string operationMode, decimal? setpointW = null, decimal? limitW = null, decimal? dischargeLimitW = null, int profileId = 1) =>
        new(CsmsActionKind.SetChargingProfile, stationId, version)
        {
            Purpose = "TxProfile", EvseId = evseId, TransactionId = transactionId, OperationMode = operationMode,
            SetpointW = setpointW, LimitW = limitW, DischargeLimitW = dischargeLimitW, ProfileId = profileId,
        };

    /// <summary>
    /// 2.1 SetChargingProfile: a TxProfile for a transaction whose one period carries an operationMode, a frequency-watt
    /// curve (LocalFrequency) or a signal-watt curve (CentralFrequency) as given, and optionally a v2xBaseline, in W.
    /// The points go out in the order given: sorting them is the station's job. Not applicable on 1.6 and 2.0.1.
    /// </summary>
    public static CsmsCommand SetV2xCurveProfile(string stationId, OcppVersion version, int evseId, string transactionId, string operationMode, IReadOnlyList<V2XFreqWattPointType>? freqWattCurve = null, IReadOnlyList<V2XSignalWattPointType>? signalWattCurve = null, decimal? baselineW = null, int profileId = 1) =>
        new(CsmsActionKind.SetChargingProfile, stationId, version)
        {
            Purpose = "TxProfile", EvseId = evseId, TransactionId = transactionId, OperationMode = operationMode,
            FreqWattCurve = freqWattCurve, SignalWattCurve = signalWattCurve, BaselineW = baselineW, ProfileId = profileId,
        };

    /// <summary>2.1 AFRRSignal: a signal value that applies from <paramref name="timestamp"/> on.</summary>
    public static CsmsCommand AfrrSignal(string stationId, OcppVersion version, DateTimeOffset timestamp, int signal) =>
        new(CsmsActionKind.AFRRSignal, stationId, version) { Timestamp = timestamp, Signal = signal };

    /// <summary>2.1 NotifyAllowedEnergyTransfer for a transaction.</summary>
    public static CsmsCommand NotifyAllowedEnergyTransfer(string stationId, OcppVersion version, string transactionId, IReadOnlyList<string> modes, int? evseId = null) =>
        new(CsmsActionKind.NotifyAllowedEnergyTransfer, stationId, version) { TransactionId = transactionId, AllowedEnergyTransfer = modes, EvseId = evseId };

    /// <summary>2.1 SetDERControl of one control.</summary>
    public static CsmsCommand SetDerControl(string stationId, OcppVersion version, DerControlSpec control) =>
        new(CsmsActionKind.SetDERControl, stationId, version) { DerControl = control, ControlType = control?.ControlType, ControlId = control?.ControlId, IsDefault = control?.IsDefault };

    /// <summary>2.1 GetDERControl: every control, or those matching the criteria given; the answer is followed by ReportDERControl.</summary>
    public static CsmsCommand GetDerControl(string stationId, OcppVersion version, bool? isDefault = null, string? controlType = null, string? controlId = null, int requestId = 1) =>
        new(CsmsActionKind.GetDERControl, stationId, version) { IsDefault = isDefault, ControlType = controlType, ControlId = controlId, ProfileId = requestId };

    /// <summary>2.1 ClearDERControl of the default (or scheduled) controls matching the criteria given.</summary>
    public static CsmsCommand ClearDerControl(string stationId, OcppVersion version, bool isDefault, string? controlType = null, string? controlId = null) =>
        new(CsmsActionKind.ClearDERControl, stationId, version) { IsDefault = isDefault, ControlType = controlType, ControlId = controlId };

    /// <summary>ClearChargingProfile of every profile (or the EVSE's).</summary>
    public static CsmsCommand ClearChargingProfile(string stationId, OcppVersion version, int? evseId = null) =>
        new(CsmsActionKind.ClearChargingProfile, stationId, version) { EvseId = evseId };

    /// <summary>GetCompositeSchedule of an EVSE for a duration.</summary>
    public static CsmsCommand GetCompositeSchedule(string stationId, OcppVersion version, int evseId, int durationSeconds) =>
        new(CsmsActionKind.GetCompositeSchedule, stationId, version) { EvseId = evseId, DurationSeconds = durationSeconds };

    /// <summary>RemoteStartTransaction (1.6) / RequestStartTransaction (2.x).</summary>
    public static CsmsCommand RemoteStart(string stationId, OcppVersion version, int evseId, string idTag, string? idTagType = null) =>
        new(CsmsActionKind.RemoteStart, stationId, version) { EvseId = evseId, IdTag = idTag, IdTagType = idTagType };

    /// <summary>RemoteStopTransaction (1.6) / RequestStopTransaction (2.x).</summary>
    public static CsmsCommand RemoteStop(string stationId, OcppVersion version, string transactionId, int? evseId = null) =>
        new(CsmsActionKind.RemoteStop, stationId, version) { TransactionId = transactionId, EvseId = evseId };

    /// <summary>Reset: Soft or Hard.</summary>
    public static CsmsCommand Reset(string stationId, OcppVersion version, string type) =>
        new(CsmsActionKind.Reset, stationId, version) { ResetType = type };

    /// <summary>ChangeAvailability of an EVSE (0: the station) to Operative or Inoperative.</summary>
    public static CsmsCommand ChangeAvailability(string stationId, OcppVersion version, int evseId, string status) =>
        new(CsmsActionKind.ChangeAvailability, stationId, version) { EvseId = evseId, OperationalStatus = status };

    /// <summary>UnlockConnector of a connector of an EVSE.</summary>
    public static CsmsCommand UnlockConnector(string stationId, OcppVersion version, int evseId, int connectorId) =>
        new(CsmsActionKind.UnlockConnector, stationId, version) { EvseId = evseId, ConnectorId = connectorId };

    /// <summary>TriggerMessage for a message, optionally about one EVSE.</summary>
    public static CsmsCommand TriggerMessage(string stationId, OcppVersion version, string requestedMessage, int? evseId = null) =>
        new(CsmsActionKind.TriggerMessage, stationId, version) { RequestedMessage = requestedMessage, EvseId = evseId };

    /// <summary>GetConfiguration (1.6) of one key, or every key when null.</summary>
    public static CsmsCommand GetConfiguration(string stationId, OcppVersion version, string? key = null) =>
        new(CsmsActionKind.GetConfiguration, stationId, version) { Key = key };

    /// <summary>ChangeConfiguration (1.6).</summary>
    public static CsmsCommand ChangeConfiguration(string stationId, OcppVersion version, string key, string value) =>
        new(CsmsActionKind.ChangeConfiguration, stationId, version) { Key = key, Value = value };

    /// <summary>GetVariables (2.x) of one "Component.Variable".</summary>
    public static CsmsCommand GetVariables(string stationId, OcppVersion version, string componentVariable) =>
        new(CsmsActionKind.GetVariables, stationId, version) { Key = componentVariable };

    /// <summary>SetVariables (2.x) of one "Component.Variable".</summary>
    public static CsmsCommand SetVariables(string stationId, OcppVersion version, string componentVariable, string value) =>
        new(CsmsActionKind.SetVariables, stationId, version) { Key = componentVariable, Value = value };

    /// <summary>GetBaseReport (2.x) of a report base (FullInventory, ConfigurationInventory, SummaryInventory).</summary>
    public static CsmsCommand GetBaseReport(string stationId, OcppVersion version, string reportBase) =>
        new(CsmsActionKind.GetBaseReport, stationId, version) { Key = reportBase };

    /// <summary>
    /// The name of the Http driver's template for this command: the <see cref="Kind"/>, except a 2.1 SetChargingProfile
    /// with an operationMode, which needs a template of its own (SetChargingProfileV2x) so a plain limit template never
    /// sends it without its setpoint and mode, and one with a curve (SetChargingProfileV2xCurve), so a setpoint
    /// template never sends it without its curve.
    /// </summary>
    public string TemplateName => Kind switch
    {
        CsmsActionKind.SetChargingProfile when HasV2xCurve => "SetChargingProfileV2xCurve",
        CsmsActionKind.SetChargingProfile when OperationMode is not null => "SetChargingProfileV2x",
        _ => Kind.ToString(),
    };

    /// <summary>The OCPP action the station's version uses, or null when the version has none for this.</summary>
    public string? OcppAction => (Kind, Version) switch
    {
        (_, not OcppVersion.V21) when NeedsV21 => null,
        (CsmsActionKind.RemoteStart, OcppVersion.V16) => "RemoteStartTransaction",
        (CsmsActionKind.RemoteStart, _) => "RequestStartTransaction",
        (CsmsActionKind.RemoteStop, OcppVersion.V16) => "RemoteStopTransaction",
        (CsmsActionKind.RemoteStop, _) => "RequestStopTransaction",
        (CsmsActionKind.GetConfiguration or CsmsActionKind.ChangeConfiguration, not OcppVersion.V16) => null,
        (CsmsActionKind.GetVariables or CsmsActionKind.SetVariables or CsmsActionKind.GetBaseReport, OcppVersion.V16) => null,
        _ => Kind.ToString(),
    };

    /// <summary>The 2.x reset type: OnIdle for Soft, Immediate for Hard (others as given).</summary>
    public string? ResetTypeV2 => ResetType switch
    {
        "Soft" => "OnIdle",
        "Hard" => "Immediate",
        var other => other,
    };

    /// <summary>The component of a 2.x "Component.Variable" key.</summary>
    public string? Component => Key?.Split('.', 2) is [var component, _] ? component : null;

    /// <summary>The variable of a 2.x "Component.Variable" key.</summary>
    public string? Variable => Key?.Split('.', 2) is [_, var variable] ? variable : Key;

    /// <summary>The OCPP payload in the station's version.</summary>
    /// <exception cref="CsmsActionNotApplicableException">The version has no such action.</exception>
    public JsonElement Payload() => CsmsCommandPayloads.For(this);

    /// <summary>The instruction an operator follows, e.g. "make the CSMS send SetChargingProfile to DERSIM-DC-1 limiting EVSE 1 to 50 kW".</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            CsmsActionKind.SetChargingProfile when HasV2xCurve => $"a {Purpose} for EVSE {EvseId} with operationMode {OperationMode}{CurveText()} (transaction {TransactionId})",
            CsmsActionKind.SetChargingProfile when OperationMode is not null => $"a {Purpose} for EVSE {EvseId} with operationMode {OperationMode}{V2xText()} (transaction {TransactionId})",
            CsmsActionKind.SetChargingProfile => $"a {Purpose} limiting EVSE {EvseId} to {LimitText()}{(TransactionId is null ? "" : $" (transaction {TransactionId})")}",
            CsmsActionKind.ClearChargingProfile => EvseId is null ? "clearing every charging profile" : $"clearing the charging profiles of EVSE {EvseId}",
            CsmsActionKind.GetCompositeSchedule => $"for EVSE {EvseId} over {DurationSeconds} s",
            CsmsActionKind.RemoteStart => $"on EVSE {EvseId} for token {IdTag}",
            CsmsActionKind.RemoteStop => $"for transaction {TransactionId}",
            CsmsActionKind.Reset => $"of type {(Version == OcppVersion.V16 ? ResetType : ResetTypeV2)}",
            CsmsActionKind.ChangeAvailability => $"making {(EvseId is null or 0 ? "the station" : $"EVSE {EvseId}")} {OperationalStatus}",
            CsmsActionKind.UnlockConnector => $"for connector {ConnectorId} of EVSE {EvseId}",
            CsmsActionKind.TriggerMessage => $"asking for {RequestedMessage}{(EvseId is null ? "" : $" of EVSE {EvseId}")}",
            CsmsActionKind.GetConfiguration => Key is null ? "for every key" : $"for key {Key}",
            CsmsActionKind.GetVariables => $"for {Key}",
            CsmsActionKind.GetBaseReport => $"asking for the {Key} report",
            CsmsActionKind.NotifyAllowedEnergyTransfer => $"allowing {string.Join(", ", AllowedEnergyTransfer ?? [])} for transaction {TransactionId}",
            CsmsActionKind.SetDERControl => $"setting {(DerControl?.IsDefault == true ? "default " : "")}{ControlType} control {ControlId}",
            CsmsActionKind.GetDERControl or CsmsActionKind.ClearDERControl => $"for {(IsDefault switch { true => "default ", false => "scheduled ", _ => "" })}DER controls{(ControlType is null ? "" : $" of type {ControlType}")}{(ControlId is null ? "" : $" with id {ControlId}")}",
            CsmsActionKind.AFRRSignal => string.Create(CultureInfo.InvariantCulture, $"with signal {Signal} from {Timestamp:yyyy-MM-dd'T'HH:mm:ss'Z'}"),
            _ => $"setting {Key} to {Value}",
        };
        return $"make the CSMS send {OcppAction ?? Kind.ToString()} to {StationId} {what}";
    }

    /// <summary>The values the Http driver substitutes into its templates, by placeholder name.</summary>
    /// <exception cref="ArgumentException">A value the OCPP payload needs is not one the station's version knows.</exception>
    public IReadOnlyDictionary<string, string> Placeholders() => Values(payload: true);

    /// <summary>
    /// The names of <see cref="Placeholders"/>, without building the OCPP payload: what a template may use, for the
    /// action catalogue (whose sample arguments need not be values OCPP knows).
    /// </summary>
    public IReadOnlyCollection<string> PlaceholderNames() => Values(payload: false).Keys;

    private Dictionary<string, string> Values(bool payload)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["stationId"] = StationId,
            ["ocppVersion"] = Version.DisplayName(),
            ["ocppAction"] = OcppAction ?? Kind.ToString(),
        };
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                values[name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        Add("evseId", EvseId);
        Add("connectorId", ConnectorId ?? (Version == OcppVersion.V16 ? EvseId : null));
        Add("limitW", LimitW);
        Add("limitA", LimitA);
        Add("limitKw", LimitW / 1000);
        Add("purpose", Purpose);
        Add("profileId", ProfileId);
        Add("idTag", IdTag);
        Add("idTagType", IdTag is null ? null : IdTagType ?? IdTokenTypes.Fitting(IdTag));
        // Empty rather than missing: a body template names it for TxProfiles and TxDefaultProfiles alike.
        values["transactionId"] = TransactionId ?? "";
        Add("resetType", Version == OcppVersion.V16 ? ResetType : ResetTypeV2);
        Add("resetTypeV16", ResetType);
        Add("operative", OperationalStatus is null ? null : OperationalStatus == "Operative" ? "true" : "false");
        Add("operationalStatus", OperationalStatus);
        Add("requestedMessage", RequestedMessage);
        Add("key", Key);
        Add("value", Value);
        Add("component", Component);
        Add("variable", Variable);
        Add("durationSeconds", DurationSeconds);
        Add("setpointW", SetpointW);
        Add("dischargeLimitW", DischargeLimitW);
        Add("operationMode", OperationMode);
        Add("allowedEnergyTransfer", AllowedEnergyTransfer is null ? null : string.Join(",", AllowedEnergyTransfer));
        if (OperationMode is not null)
        {
            // Empty rather than missing, as transactionId above: one V2X template serves every operation mode.
            values["v2xSetpointW"] = Convert.ToString(SetpointW, CultureInfo.InvariantCulture) ?? "";
            values["v2xLimitW"] = Convert.ToString(LimitW, CultureInfo.InvariantCulture) ?? "";
            values["v2xDischargeLimitW"] = Convert.ToString(DischargeLimitW, CultureInfo.InvariantCulture) ?? "";
            values["v2xBaselineW"] = Convert.ToString(BaselineW, CultureInfo.InvariantCulture) ?? "";
        }

        Add("signal", Signal);
        Add("timestamp", Timestamp is { } at ? CsmsCommandPayloads.Timestamp(at) : null);

        if (Kind is CsmsActionKind.SetDERControl or CsmsActionKind.GetDERControl or CsmsActionKind.ClearDERControl)
        {
            values["controlType"] = ControlType ?? "";
            values["controlId"] = ControlId ?? "";
            values["isDefault"] = IsDefault is null ? "" : IsDefault.Value ? "true" : "false";
        }

        if (OcppAction is not null)
        {
            values["payload"] = payload ? Payload().GetRawText() : "";
        }

        return values;
    }

    private string V2xText() =>
        string.Concat(
            SetpointW is { } setpoint ? string.Create(CultureInfo.InvariantCulture, $", setpoint {setpoint / 1000:0.###} kW") : "",
            LimitW is { } limit ? string.Create(CultureInfo.InvariantCulture, $", limit {limit / 1000:0.###} kW") : "",
            DischargeLimitW is { } discharge ? string.Create(CultureInfo.InvariantCulture, $", discharge limit {discharge / 1000:0.###} kW") : "");

    private string CurveText()
    {
        var points = FreqWattCurve is { } freq
            ? freq.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Frequency:0.###} Hz → {p.Power / 1000:0.###} kW"))
            : (SignalWattCurve ?? []).Select(p => string.Create(CultureInfo.InvariantCulture, $"signal {p.Signal} → {p.Power / 1000:0.###} kW"));
        var baseline = BaselineW is { } b ? string.Create(CultureInfo.InvariantCulture, $", baseline {b / 1000:0.###} kW") : "";
        return $"{baseline}, {(FreqWattCurve is null ? "signal" : "frequency")}-watt curve {string.Join("; ", points)}";
    }

    private string LimitText() => LimitW is { } w
        ? string.Create(CultureInfo.InvariantCulture, $"{w / 1000:0.###} kW")
        : string.Create(CultureInfo.InvariantCulture, $"{LimitA:0.###} A");
}

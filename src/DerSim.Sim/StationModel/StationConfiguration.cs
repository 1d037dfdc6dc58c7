using System.Globalization;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The settings a CSMS can read and change: 1.6 configuration keys and their 2.x device-model twins
/// (component/variable). One store serves both, so a heartbeat interval set in either version means the same.
/// </summary>
public sealed class StationConfiguration
{
    private const string Seconds = "s";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Setting> _settings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the store with the keys a freshly booted station has.</summary>
    public StationConfiguration(int connectorCount)
    {
        Add(new Setting("HeartbeatInterval", "OCPPCommCtrlr", "HeartbeatInterval", "0", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });
        Add(new Setting("NumberOfConnectors", "ChargingStation", "NumberOfConnectors", connectorCount.ToString(CultureInfo.InvariantCulture), ReadOnly: true, null) { DataType = DeviceDataType.Integer });
        Add(new Setting("MeterValueSampleInterval", "SampledDataCtrlr", "TxUpdatedInterval", "60", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });
        Add(new Setting("ConnectionTimeOut", "TxCtrlr", "EVConnectionTimeOut", "120", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });
        Add(new Setting("AuthorizeRemoteTxRequests", "AuthCtrlr", "AuthorizeRemoteStart", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });
        Add(new Setting("LocalAuthorizeOffline", "AuthCtrlr", "LocalAuthorizeOffline", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });

        // OCPP 2.0.1 C15 (1.6 AllowOfflineTxForUnknownId): offline, a token the station never saw may start a transaction;
        // the CSMS's verdict follows once the queued Started event is delivered.
        Add(new Setting("AllowOfflineTxForUnknownId", "AuthCtrlr", "OfflineTxForUnknownIdEnabled", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });
        Add(new Setting("WebSocketPingInterval", "OCPPCommCtrlr", "WebSocketPingInterval", "30", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });

        // OCPP 2.0.1 E01/E06: when a transaction starts and stops (member lists, see TxPointList); 1.6 has no such
        // keys (its transaction runs from the accepted token to the stop), so they are named after the 2.x variables.
        Add(new Setting("TxStartPoint", "TxCtrlr", "TxStartPoint", TxPointList.DefaultStart, ReadOnly: false, TxPointList.IsValidStart));
        Add(new Setting("TxStopPoint", "TxCtrlr", "TxStopPoint", TxPointList.DefaultStop, ReadOnly: false, TxPointList.IsValidStop));

        // 2.x: the meter signs its readings (E01.FR.04, TxStartPoint DataSigned); 1.6 has no such key.
        Add(new Setting("SampledDataSignReadings", "SampledDataCtrlr", "SignReadings", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });

        // OCPP 1.6 keys and their 2.0.1 twins: stop when the cable is pulled at the EV (E10), or when the CSMS refuses the
        // token of a started transaction (E05.FR.03).
        Add(new Setting("StopTransactionOnEVSideDisconnect", "TxCtrlr", "StopTxOnEVSideDisconnect", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });
        Add(new Setting("StopTransactionOnInvalidId", "TxCtrlr", "StopTxOnInvalidId", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });

        // OCPP 1.6 §3.7.1 keys; 2.x names them MessageAttempts / MessageAttemptInterval, instance TransactionEvent (E13).
        Add(new Setting("TransactionMessageAttempts", "OCPPCommCtrlr", "MessageAttempts", "3", ReadOnly: false, IsPositiveInt) { DataType = DeviceDataType.Integer, Instance = TransactionEventInstance });
        Add(new Setting("TransactionMessageRetryInterval", "OCPPCommCtrlr", "MessageAttemptInterval", "60", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds, Instance = TransactionEventInstance });
    }

    /// <summary>The 2.x variable instance of the transaction-message retry settings.</summary>
    public const string TransactionEventInstance = "TransactionEvent";

    /// <summary>Raised after a setting changed, with its 1.6 key.</summary>
    public event Action<string>? Changed;

    /// <summary>Every setting, in the order they were defined.</summary>
    public IReadOnlyList<Setting> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _settings.Values.DistinctBy(s => s.Key)];
            }
        }
    }

    /// <summary>The heartbeat interval the CSMS gave (BootNotification interval or a later change).</summary>
    public TimeSpan HeartbeatInterval =>
        TimeSpan.FromSeconds(int.Parse(Get("HeartbeatInterval")!.Value, CultureInfo.InvariantCulture));

    /// <summary>A setting by 1.6 key, or null.</summary>
    public Setting? Get(string key)
    {
        lock (_gate)
        {
            return _settings.GetValueOrDefault(key);
        }
    }

    /// <summary>A setting by 2.x component, variable name and variable instance, or null.</summary>
    public Setting? Get(string component, string variable, string? instance = null)
    {
        lock (_gate)
        {
            return _settings.GetValueOrDefault(DeviceKey(component, variable, instance));
        }
    }

    /// <summary>A whole-number setting by 1.6 key, or <paramref name="fallback"/> when it is absent or not a number.</summary>
    public int GetInt(string key, int fallback) =>
        Get(key) is { } setting && int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>Whether any setting belongs to <paramref name="component"/>.</summary>
    public bool HasComponent(string component)
    {
        lock (_gate)
        {
            return _settings.Values.Any(s => string.Equals(s.Component, component, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Changes a setting; says why not when it cannot.</summary>
    public SetOutcome TrySet(Setting setting, string value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting.ReadOnly)
        {
            return SetOutcome.ReadOnly;
        }

        if (setting.IsValid is { } valid && !valid(value))
        {
            return SetOutcome.InvalidValue;
        }

        lock (_gate)
        {
            var updated = setting with { Value = value };
            _settings[setting.Key] = updated;
            _settings[DeviceKey(setting.Component, setting.Variable, setting.Instance)] = updated;
        }

        Changed?.Invoke(setting.Key);
        return SetOutcome.Accepted;
    }

    /// <summary>
    /// Sets a setting as the station's installer does before it runs: read-only settings too, without raising
    /// <see cref="Changed"/>. The value is not checked (the caller checks <see cref="Setting.IsValid"/>).
    /// </summary>
    public void Preset(Setting setting, string value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        lock (_gate)
        {
            var updated = setting with { Value = value };
            _settings[setting.Key] = updated;
            _settings[DeviceKey(setting.Component, setting.Variable, setting.Instance)] = updated;
        }
    }

    private void Add(Setting setting)
    {
        _settings[setting.Key] = setting;
        _settings[DeviceKey(setting.Component, setting.Variable, setting.Instance)] = setting;
    }

    private static string DeviceKey(string component, string variable, string? instance) =>
        instance is null ? component + "/" + variable : component + "/" + variable + "/" + instance;

    private static bool IsPositiveInt(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0;

    private static bool IsPositiveIntOrZero(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0;

    private static bool IsBool(string value) => value is "true" or "false";

    /// <summary>One setting.</summary>
    /// <param name="Key">The OCPP 1.6 configuration key.</param>
    /// <param name="Component">The OCPP 2.x component name.</param>
    /// <param name="Variable">The OCPP 2.x variable name.</param>
    /// <param name="Value">The current value as text.</param>
    /// <param name="ReadOnly">Whether the CSMS may change it.</param>
    /// <param name="IsValid">Checks a new value, or null to accept any.</param>
    public sealed record Setting(string Key, string Component, string Variable, string Value, bool ReadOnly, Func<string, bool>? IsValid)
    {
        /// <summary>What the value holds, for the 2.x device model. The default value is <see cref="DeviceDataType.String"/>.</summary>
        public DeviceDataType DataType { get; init; } = DeviceDataType.String;

        /// <summary>Unit of the value for the 2.x device model (e.g. <c>s</c>). The default value is <see langword="null"/>.</summary>
        public string? Unit { get; init; }

        /// <summary>The 2.x variable instance (e.g. <c>TransactionEvent</c>). The default value is <see langword="null"/> (none).</summary>
        public string? Instance { get; init; }
    }
}

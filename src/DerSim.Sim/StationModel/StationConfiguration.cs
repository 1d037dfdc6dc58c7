using System.Collections.Concurrent;
using System.Globalization;
using DerSim.Sim.Profiles;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The settings a CSMS can read and change: 1.6 configuration keys and their 2.x device-model twins
/// (component/variable). One store serves both, so a heartbeat interval set in either version means the same.
/// </summary>
/// <remarks>
/// The defaults are shared: every store of one shape (connector count, measurands) reads them from one
/// <see cref="SettingsTemplate"/>, and keeps on its own only what it changed and the few settings whose check consults it.
/// </remarks>
public sealed class StationConfiguration
{
    private const string Seconds = "s";

    // One template per shape a process runs (a profile's connector count and measurands): a handful, never evicted.
    private static readonly ConcurrentDictionary<(int ConnectorCount, string Measurands), SettingsTemplate> Templates = new();

    private readonly SettingsTemplate _template;
    private readonly Lock _gate = new();

    // This station's own settings by 1.6 key, ahead of the template's: those it changed (TrySet, Preset) and, from the
    // start, its copies of the settings whose check consults it.
    private readonly Dictionary<string, Setting> _own;

    /// <summary>Creates the store with the keys a freshly booted station has; the metering settings measure nothing.</summary>
    public StationConfiguration(int connectorCount)
        : this(connectorCount, [])
    {
    }

    /// <summary>
    /// Creates the store with the keys a freshly booted station has; the metering settings (sampled and clock-aligned
    /// measurands) start with <paramref name="measurands"/>, what the station's meter samples.
    /// </summary>
    public StationConfiguration(int connectorCount, IReadOnlyList<string> measurands)
    {
        ArgumentNullException.ThrowIfNull(measurands);
        _template = Templates.GetOrAdd((connectorCount, string.Join(",", measurands)), static shape => Define(shape.ConnectorCount, shape.Measurands));
        _own = new(_template.Bound.Count, StringComparer.Ordinal);
        foreach (var (index, check) in _template.Bound)
        {
            var setting = _template.Settings[index];
            _own[setting.Key] = setting with { IsValid = value => check(this, value) };
        }
    }

    // The settings a freshly booted station has, in the order reports and GetConfiguration list them.
    private static SettingsTemplate Define(int connectorCount, string measurands)
    {
        var t = new SettingsTemplate.Builder();
        t.Add(new Setting("HeartbeatInterval", "OCPPCommCtrlr", "HeartbeatInterval", "0", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });
        t.Add(new Setting("NumberOfConnectors", "ChargingStation", "NumberOfConnectors", connectorCount.ToString(CultureInfo.InvariantCulture), ReadOnly: true, null) { DataType = DeviceDataType.Integer });
        t.Add(new Setting("MeterValueSampleInterval", "SampledDataCtrlr", "TxUpdatedInterval", "60", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });
        t.Add(new Setting("ConnectionTimeOut", "TxCtrlr", "EVConnectionTimeOut", "120", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });
        t.Add(new Setting("AuthorizeRemoteTxRequests", "AuthCtrlr", "AuthorizeRemoteStart", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });
        t.Add(new Setting("LocalAuthorizeOffline", "AuthCtrlr", "LocalAuthorizeOffline", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });

        // OCPP 2.0.1 C15 (1.6 AllowOfflineTxForUnknownId): offline, a token the station never saw may start a transaction;
        // the CSMS's verdict follows once the queued Started event is delivered.
        t.Add(new Setting("AllowOfflineTxForUnknownId", "AuthCtrlr", "OfflineTxForUnknownIdEnabled", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });
        t.Add(new Setting("WebSocketPingInterval", "OCPPCommCtrlr", "WebSocketPingInterval", "30", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });

        // OCPP 2.0.1 E01/E06: when a transaction starts and stops (member lists, see TxPointList); 1.6 has no such
        // keys (its transaction runs from the accepted token to the stop), so they are named after the 2.x variables.
        // With Authorized among the start points a token presented at the station before any EV plugged in starts the
        // transaction at once, its EVSE not known yet (TC_J_08).
        t.Add(new Setting("TxStartPoint", "TxCtrlr", "TxStartPoint", TxPointList.DefaultStart, ReadOnly: false, TxPointList.IsValidStart) { DataType = DeviceDataType.MemberList, InV16 = false });
        t.Add(new Setting("TxStopPoint", "TxCtrlr", "TxStopPoint", TxPointList.DefaultStop, ReadOnly: false, TxPointList.IsValidStop) { DataType = DeviceDataType.MemberList, InV16 = false });

        // The authorization cache and what the station does with a token the CSMS turns out to refuse (2.0.1 C10–C12,
        // C16, E05); 1.6 keys where 1.6 has the setting, else the 2.x variable's name.
        t.Add(new Setting(AuthCacheEnabledKey, "AuthCacheCtrlr", "Enabled", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });
        t.Add(new Setting(AuthCacheLifeTimeKey, "AuthCacheCtrlr", "LifeTime", "86400", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });
        t.Add(new Setting("AuthCachePolicy", "AuthCacheCtrlr", "Policy", "LRU", ReadOnly: false, v => v is "LRU" or "LFU" or "FIFO" or "CUSTOM") { DataType = DeviceDataType.OptionList });
        t.Add(new Setting(LocalPreAuthorizeKey, "AuthCtrlr", "LocalPreAuthorize", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });
        t.Add(new Setting(MasterPassGroupIdKey, "AuthCtrlr", "MasterPassGroupId", "", ReadOnly: false, v => v.Length <= 36) { DataType = DeviceDataType.String });
        t.Add(new Setting(StopTxOnInvalidIdKey, "TxCtrlr", "StopTxOnInvalidId", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });
        t.Add(new Setting(MaxEnergyOnInvalidIdKey, "TxCtrlr", "MaxEnergyOnInvalidId", "0", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = "Wh" });

        // OCPP 1.6 key and its 2.0.1 twin: stop when the cable is pulled at the EV (E10).
        t.Add(new Setting("StopTransactionOnEVSideDisconnect", "TxCtrlr", "StopTxOnEVSideDisconnect", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });

        // OCPP 1.6 §9.1 UnlockConnectorOnEVSideDisconnect: the connector unlocks when the cable leaves the EV, so the
        // driver can take the cable out of the station; false keeps it locked (Finishing) until the CSMS unlocks it.
        // 2.0.1 has no standard twin; the variable is named after the key.
        t.Add(new Setting(UnlockOnEVSideDisconnectKey, "TxCtrlr", "UnlockOnEVSideDisconnect", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });

        // OCPP 1.6 §3.7.1 keys; 2.x names them MessageAttempts / MessageAttemptInterval, instance TransactionEvent (E13).
        t.Add(new Setting("TransactionMessageAttempts", "OCPPCommCtrlr", "MessageAttempts", "3", ReadOnly: false, IsPositiveInt) { DataType = DeviceDataType.Integer, Instance = TransactionEventInstance });
        t.Add(new Setting("TransactionMessageRetryInterval", "OCPPCommCtrlr", "MessageAttemptInterval", "60", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds, Instance = TransactionEventInstance });

        // OCPP 2.0.1 OCPPCommCtrlr.OfflineThreshold (required in the 2.x device model; 1.6 has no such key): how long
        // the station may be offline before it reports its connectors' status again on reconnecting (B04).
        t.Add(new Setting("OfflineThreshold", "OCPPCommCtrlr", "OfflineThreshold", "60", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds, InV16 = false });
        AddMetering(t, measurands);

        // OCPP 2.x SmartChargingCtrlr.Enabled: a station with smart charging switched off answers the smart-charging
        // requests with a CALLERROR NotSupported (TC_K_15; see Ocpp2SmartChargingGate). 1.6 names it by its feature
        // profile (SupportedFeatureProfiles), which the simulator does not model.
        t.Add(new Setting(SmartChargingEnabledKey, "SmartChargingCtrlr", "Enabled", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV16 = false });
        // DerSim's own component (not in the OCPP device model): whether the station can process CustomerInformation
        // requests now; "false" is the state in which it answers Rejected (2.0.1 N09.FR.03, N10.FR.05).
        t.Add(new Setting(CustomerInformationEnabledKey, "CustomerInformationCtrlr", "Enabled", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV16 = false });
        AddConnectionSettings(t);
        // 2.0.1 L01: whether new sessions may start while a firmware update waits for running transactions to end.
        t.Add(new Setting(AllowNewSessionsPendingFirmwareUpdateKey, "ChargingStation", "AllowNewSessionsPendingFirmwareUpdate", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV16 = false });
        // OCPP 1.6 §9.1 SupportedFeatureProfiles (Core, required, read-only): the feature profiles the 1.6 station
        // implements. 2.x has no such variable (its controllers' Available/Enabled say it).
        t.Add(new Setting(SupportedFeatureProfilesKey, "ChargingStation", "SupportedFeatureProfiles", SupportedFeatureProfilesValue, ReadOnly: true, null) { DataType = DeviceDataType.MemberList, InV2 = false });
        // 2.1 E17: how long (s) after a reboot or power loss a transaction may still be resumed; 0 means never (it ends).
        t.Add(new Setting(TxResumptionTimeoutKey, "TxCtrlr", "TxResumptionTimeout", "0", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds, InV16 = false });
        AddLocalListAndReservationSettings(t);
        AddV16SecuritySettings(t);
        return t.Build();
    }

    // OCPP 1.6 §9.2 LocalAuthListManagement and §9.3 Reservation keys with their 2.x twins (LocalAuthListCtrlr,
    // ReservationCtrlr). The list's capacity has no 2.x variable of its own (2.x gives it as Entries' maxLimit): it
    // keeps the 1.6 name. 1.6 has no switch for reservations: ReservationCtrlr.Enabled false makes ReserveNow Rejected
    // ("not configured to accept reservations").
    private static void AddLocalListAndReservationSettings(SettingsTemplate.Builder t)
    {
        t.Add(new Setting(LocalAuthList.EnabledKey, "LocalAuthListCtrlr", "Enabled", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean });
        t.Add(new Setting(LocalAuthList.MaxLengthKey, "LocalAuthListCtrlr", "LocalAuthListMaxLength", "100", ReadOnly: true, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer });
        t.Add(new Setting(LocalAuthList.SendMaxLengthKey, "LocalAuthListCtrlr", "ItemsPerMessage", "100", ReadOnly: true, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer });
        t.Add(new Setting(ChargingStation.ReserveConnectorZeroKey, "ReservationCtrlr", "NonEvseSpecific", "true", ReadOnly: true, IsBool) { DataType = DeviceDataType.Boolean });
        t.Add(new Setting(ChargingStation.ReservationEnabledKey, "ReservationCtrlr", "Enabled", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV16 = false });
    }

    /// <summary>The 1.6 key SupportedFeatureProfiles (1.6 only).</summary>
    public const string SupportedFeatureProfilesKey = "SupportedFeatureProfiles";

    /// <summary>The 1.6 feature profiles DerSim's 1.6 station implements (the value of SupportedFeatureProfiles).</summary>
    public const string SupportedFeatureProfilesValue = "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger";

    /// <summary>The key of TxCtrlr.TxResumptionTimeout (2.1 only).</summary>
    public const string TxResumptionTimeoutKey = "TxResumptionTimeout";

    /// <summary>The 1.6 key SecurityProfile (security whitepaper): the profile the station connects with, 0 to 3.</summary>
    public const string SecurityProfileKey = "SecurityProfile";

    /// <summary>
    /// Whether the station can connect with a security profile (it holds a connection set up for it); a 1.6
    /// ChangeConfiguration of SecurityProfile to one it cannot reach is Rejected. Null: any.
    /// </summary>
    public Func<int, bool>? SecurityProfileReachable { get; set; }

    /// <summary>The 1.6 key AdditionalRootCertificateCheck (security whitepaper).</summary>
    public const string AdditionalRootCertificateCheckKey = "AdditionalRootCertificateCheck";

    // The configuration keys of the OCPP 1.6 security whitepaper (its section 4). They are 1.6 keys only: the 2.x device
    // model has its own SecurityCtrlr variables, so they stay out of 2.x reports (InV2 false) under DerSim names.
    private static void AddV16SecuritySettings(SettingsTemplate.Builder t)
    {
        // SecurityProfile: a CSMS may only raise it (a lower value is Rejected); the station connects with it after
        // its next reboot. The value the station runs with is set when it connects (StationRunner).
        t.Add(
            new Setting(SecurityProfileKey, V16Security, "SecurityProfile", "0", ReadOnly: false, null) { DataType = DeviceDataType.Integer, InV2 = false },
            static (station, v) => IsPositiveIntOrZero(v) && int.Parse(v, CultureInfo.InvariantCulture) is var p && p <= 3 && p >= (int.TryParse(station.Get(SecurityProfileKey)?.Value, CultureInfo.InvariantCulture, out var now) ? now : 0) && (station.SecurityProfileReachable?.Invoke(p) ?? true));
        t.Add(new Setting("CpoName", V16Security, "CpoName", "", ReadOnly: false, v => v.Length <= 50) { DataType = DeviceDataType.String, InV2 = false });
        t.Add(new Setting("CertificateSignedMaxChainSize", V16Security, "CertificateSignedMaxChainSize", "10000", ReadOnly: true, null) { DataType = DeviceDataType.Integer, InV2 = false });
        t.Add(new Setting("CertificateStoreMaxLength", V16Security, "CertificateStoreMaxLength", "20", ReadOnly: true, null) { DataType = DeviceDataType.Integer, InV2 = false });
        t.Add(new Setting(AdditionalRootCertificateCheckKey, V16Security, "AdditionalRootCertificateCheck", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV2 = false });
    }

    // The component name the 1.6-only security keys are stored under (no 2.x component).
    private const string V16Security = "V16Security";

    /// <summary>The key of SmartChargingCtrlr.Enabled (2.x only).</summary>
    public const string SmartChargingEnabledKey = "SmartChargingEnabled";

    /// <summary>The key of CustomerInformationCtrlr.Enabled (DerSim's own: whether CustomerInformation requests can be processed).</summary>
    public const string CustomerInformationEnabledKey = "CustomerInformationEnabled";


    /// <summary>
    /// The key of the Basic-auth password: 1.6 AuthorizationKey (security whitepaper, write-only), whose 2.x twin is
    /// SecurityCtrlr.BasicAuthPassword.
    /// </summary>
    public const string BasicAuthPasswordKey = "AuthorizationKey";

    /// <summary>The key of OCPPCommCtrlr.NetworkConfigurationPriority (2.x only).</summary>
    public const string NetworkConfigurationPriorityKey = "NetworkConfigurationPriority";

    /// <summary>
    /// A simulated fault: the station cannot store a new Basic-auth password, so SetVariables of
    /// SecurityCtrlr.BasicAuthPassword is Rejected whatever the value (the case of 2.0.1 A01.FR.04). The default value is false.
    /// </summary>
    public bool RefusesNewPassword { get; set; }

    // 2.x A01: SecurityCtrlr.BasicAuthPassword is write-only and holds a passwordString of 16 to 40 characters; its
    // empty value means "the password the station was installed with". B09/B10: NetworkConfigurationPriority lists
    // the configuration slots to try, in order.
    private static void AddConnectionSettings(SettingsTemplate.Builder t)
    {
        // 1.6 security whitepaper: AuthorizationKey holds the password hex-encoded (16 to 20 bytes: 32 to 40 hex digits),
        // used as it is in the Authorization header; it is a passwordString of the 2.x device model too.
        t.Add(
            new Setting(BasicAuthPasswordKey, "SecurityCtrlr", "BasicAuthPassword", "", ReadOnly: false, null) { DataType = DeviceDataType.String, WriteOnly = true },
            static (station, v) => !station.RefusesNewPassword && StationNetworkProfiles.IsPasswordString(v));
        t.Add(
            new Setting(NetworkConfigurationPriorityKey, "OCPPCommCtrlr", "NetworkConfigurationPriority", "1", ReadOnly: false, null)
            {
                DataType = DeviceDataType.SequenceList,
                ValuesList = string.Join(",", Enumerable.Range(1, StationNetworkProfiles.SlotCount)),
                InV16 = false,
            },
            static (station, v) => StationNetworkProfiles.IsPriorityList(v) && (station.CanFollowNetworkPriority?.Invoke(v) ?? true));
    }

    /// <summary>
    /// Whether the station can follow a NetworkConfigurationPriority: every slot it lists holds a complete profile
    /// (<see cref="StationNetworkProfiles.CanFollow"/>); a value it cannot follow is Rejected. Null: only the list's
    /// form is checked.
    /// </summary>
    public Func<string, bool>? CanFollowNetworkPriority { get; set; }


    /// <summary>The key of ChargingStation.AllowNewSessionsPendingFirmwareUpdate (2.x only).</summary>
    public const string AllowNewSessionsPendingFirmwareUpdateKey = "AllowNewSessionsPendingFirmwareUpdate";

    /// <summary>The key of AuthCacheCtrlr.Enabled (1.6 AuthorizationCacheEnabled).</summary>
    public const string AuthCacheEnabledKey = "AuthorizationCacheEnabled";

    /// <summary>The key of AuthCacheCtrlr.LifeTime.</summary>
    public const string AuthCacheLifeTimeKey = "AuthCacheLifeTime";

    /// <summary>The key of AuthCtrlr.LocalPreAuthorize (1.6 LocalPreAuthorize).</summary>
    public const string LocalPreAuthorizeKey = "LocalPreAuthorize";

    /// <summary>The key of AuthCtrlr.MasterPassGroupId.</summary>
    public const string MasterPassGroupIdKey = "MasterPassGroupId";

    /// <summary>The key of TxCtrlr.StopTxOnInvalidId (1.6 StopTransactionOnInvalidId).</summary>
    public const string StopTxOnInvalidIdKey = "StopTransactionOnInvalidId";

    /// <summary>The 1.6 key UnlockConnectorOnEVSideDisconnect (§9.1): whether the connector unlocks when the cable leaves the EV.</summary>
    public const string UnlockOnEVSideDisconnectKey = "UnlockConnectorOnEVSideDisconnect";

    /// <summary>The key of TxCtrlr.MaxEnergyOnInvalidId (1.6 MaxEnergyOnInvalidId).</summary>
    public const string MaxEnergyOnInvalidIdKey = "MaxEnergyOnInvalidId";

    /// <summary>
    /// The metering settings of 2.x use cases J01 (AlignedDataCtrlr) and J02 (SampledDataCtrlr), with their 1.6 keys where
    /// 1.6 has one (ClockAlignedDataInterval, MeterValuesAlignedData, StopTxnAlignedData, MeterValuesSampledData,
    /// StopTxnSampledData). Defaults keep the station as it was: every sampled event carries all the meter samples,
    /// clock-aligned data is off (interval 0), nothing is collected for the Ended event but its final sample, nothing is signed.
    /// </summary>
    private static void AddMetering(SettingsTemplate.Builder t, string all)
    {
        t.Add(new Setting("AlignedDataCtrlrEnabled", AlignedData, "Enabled", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV16 = false });
        t.Add(new Setting("ClockAlignedDataInterval", AlignedData, "Interval", "0", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds });
        t.Add(new Setting("MeterValuesAlignedData", AlignedData, "Measurands", all, ReadOnly: false, IsMeasurandList) { DataType = DeviceDataType.MemberList });
        t.Add(new Setting("AlignedDataTxEndedInterval", AlignedData, "TxEndedInterval", "0", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds, InV16 = false });
        t.Add(new Setting("StopTxnAlignedData", AlignedData, "TxEndedMeasurands", "", ReadOnly: false, IsMeasurandList) { DataType = DeviceDataType.MemberList });
        t.Add(new Setting("AlignedDataSendDuringIdle", AlignedData, "SendDuringIdle", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV16 = false });
        t.Add(new Setting("AlignedDataSignReadings", AlignedData, "SignReadings", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV16 = false });
        t.Add(new Setting("SampledDataCtrlrEnabled", SampledData, "Enabled", "true", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV16 = false });
        t.Add(new Setting("SampledDataTxStartedMeasurands", SampledData, "TxStartedMeasurands", all, ReadOnly: false, IsMeasurandList) { DataType = DeviceDataType.MemberList, InV16 = false });
        t.Add(new Setting("MeterValuesSampledData", SampledData, "TxUpdatedMeasurands", all, ReadOnly: false, IsMeasurandList) { DataType = DeviceDataType.MemberList });
        t.Add(new Setting("StopTxnSampledData", SampledData, "TxEndedMeasurands", all, ReadOnly: false, IsMeasurandList) { DataType = DeviceDataType.MemberList });
        t.Add(new Setting("SampledDataTxEndedInterval", SampledData, "TxEndedInterval", "0", ReadOnly: false, IsPositiveIntOrZero) { DataType = DeviceDataType.Integer, Unit = Seconds, InV16 = false });
        t.Add(new Setting("SampledDataSignReadings", SampledData, "SignReadings", "false", ReadOnly: false, IsBool) { DataType = DeviceDataType.Boolean, InV16 = false });
    }

    /// <summary>The 2.x component of the clock-aligned metering settings (use case J01).</summary>
    public const string AlignedData = "AlignedDataCtrlr";

    /// <summary>The 2.x component of the sampled (transaction) metering settings (use case J02).</summary>
    public const string SampledData = "SampledDataCtrlr";

    /// <summary>A whole-number setting by 2.x component and variable, or <paramref name="fallback"/>.</summary>
    public int GetInt(string component, string variable, int fallback) =>
        Get(component, variable) is { } setting && int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>Whether a boolean setting by 2.x component and variable is <c>true</c>; <paramref name="fallback"/> when absent.</summary>
    public bool GetBool(string component, string variable, bool fallback) =>
        Get(component, variable) is { } setting ? setting.Value == "true" : fallback;

    /// <summary>The measurands a list setting (e.g. SampledDataCtrlr.TxUpdatedMeasurands) names, in its order; empty when absent.</summary>
    public IReadOnlyList<string> GetList(string component, string variable) =>
        Get(component, variable) is { } setting
            ? setting.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    /// <summary>The 2.x variable instance of the transaction-message retry settings.</summary>
    public const string TransactionEventInstance = "TransactionEvent";

    /// <summary>Raised after a setting changed, with its 1.6 key.</summary>
    public event Action<string>? Changed;

    /// <summary>Every setting, in the order they were defined.</summary>
    public IReadOnlyList<Setting> All
    {
        get
        {
            var defaults = _template.Settings;
            var all = new Setting[defaults.Count];
            lock (_gate)
            {
                for (var i = 0; i < all.Length; i++)
                {
                    all[i] = _own.GetValueOrDefault(defaults[i].Key) ?? defaults[i];
                }
            }

            return all;
        }
    }

    /// <summary>The heartbeat interval the CSMS gave (BootNotification interval or a later change).</summary>
    public TimeSpan HeartbeatInterval =>
        TimeSpan.FromSeconds(int.Parse(Get("HeartbeatInterval")!.Value, CultureInfo.InvariantCulture));

    /// <summary>A setting by 1.6 key, or null.</summary>
    public Setting? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return At(_template.IndexOf(key));
    }

    /// <summary>A setting by 2.x component, variable name and variable instance, or null.</summary>
    public Setting? Get(string component, string variable, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(variable);
        var length = component.Length + 1 + variable.Length + (instance is null ? 0 : instance.Length + 1);
        if (length > _template.LongestName)
        {
            return null;
        }

        // The template's "Component/Variable[/Instance]" name, spelled on the stack: a lookup allocates nothing.
        Span<char> name = stackalloc char[length];
        component.CopyTo(name);
        name[component.Length] = '/';
        variable.CopyTo(name[(component.Length + 1)..]);
        if (instance is not null)
        {
            name[component.Length + 1 + variable.Length] = '/';
            instance.CopyTo(name[(component.Length + variable.Length + 2)..]);
        }

        return At(_template.IndexOf(name));
    }

    /// <summary>A whole-number setting by 1.6 key, or <paramref name="fallback"/> when it is absent or not a number.</summary>
    public int GetInt(string key, int fallback) =>
        Get(key) is { } setting && int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>Whether any setting belongs to <paramref name="component"/>.</summary>
    public bool HasComponent(string component) => _template.HasComponent(component);

    /// <summary>Changes a setting; says why not when it cannot.</summary>
    /// <exception cref="ArgumentException"><paramref name="setting"/> is not one of this store's.</exception>
    public SetOutcome TrySet(Setting setting, string value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var own = Own(setting);
        if (own.ReadOnly)
        {
            return SetOutcome.ReadOnly;
        }

        if (own.IsValid is { } valid && !valid(value))
        {
            return SetOutcome.InvalidValue;
        }

        Store(own, value);
        Changed?.Invoke(setting.Key);
        return SetOutcome.Accepted;
    }

    /// <summary>
    /// Sets a setting as the station's installer does before it runs: read-only settings too, without raising
    /// <see cref="Changed"/>. The value is not checked (the caller checks <see cref="Setting.IsValid"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="setting"/> is not one of this store's.</exception>
    public void Preset(Setting setting, string value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        Store(Own(setting), value);
    }

    private Setting? At(int index)
    {
        if (index < 0)
        {
            return null;
        }

        var defined = _template.Settings[index];
        lock (_gate)
        {
            return _own.GetValueOrDefault(defined.Key) ?? defined;
        }
    }

    // This station's record of the setting a caller names: a record handed over from another station of the same
    // template (or a stale one) must not bring that station's checks along.
    private Setting Own(Setting setting)
    {
        var index = _template.IndexOf(setting.Key);
        return index >= 0
            ? At(index)!
            : throw new ArgumentException($"station setting {setting.Key} is not one of this station's", nameof(setting));
    }

    private void Store(Setting own, string value)
    {
        lock (_gate)
        {
            _own[own.Key] = own with { Value = value };
        }
    }

    private static bool IsPositiveInt(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0;

    private static bool IsPositiveIntOrZero(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0;

    private static bool IsBool(string value) => value is "true" or "false";

    // A measurand the station does not know is refused (2.x SetVariables Rejected); an empty list measures nothing.
    private static bool IsMeasurandList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(KnownMeasurands.All.Contains);

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

        /// <summary>
        /// The values (or members) it may take, comma-separated, for the 2.x device model's valuesList. The default value
        /// is <see langword="null"/> (none given).
        /// </summary>
        public string? ValuesList { get; init; }

        /// <summary>
        /// Whether OCPP 1.6 has the setting as a configuration key (1.6 GetConfiguration lists it); a 2.x-only variable
        /// keeps a flat name as its key only to be stored. The default value is <see langword="true"/>.
        /// </summary>
        public bool InV16 { get; init; } = true;

        /// <summary>
        /// Whether the 2.x device model has the setting as a variable (reports list it); a 1.6-only key keeps a component
        /// name only to be stored. The default value is <see langword="true"/>.
        /// </summary>
        public bool InV2 { get; init; } = true;

        /// <summary>
        /// Whether the value may be written but never read back (1.6 AuthorizationKey, 2.x BasicAuthPassword): 1.6
        /// GetConfiguration lists the key without its value. The default value is <see langword="false"/>.
        /// </summary>
        public bool WriteOnly { get; init; }
    }
}

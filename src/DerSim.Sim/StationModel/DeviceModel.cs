using System.Globalization;

using DerSim.Sim.Profiles;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The 2.x device model of a station, built from its profile: the ChargingStation component (identity, availability,
/// power), one EVSE component per EVSE and one Connector component per connector, plus the settings of
/// <see cref="StationConfiguration"/>. GetVariables, SetVariables and GetBaseReport all answer from it, so a variable a
/// report lists is one GetVariables can read.
/// </summary>
public sealed class DeviceModel
{
    /// <summary>Most reportData entries per NotifyReport; a larger report is split over several messages.</summary>
    public const int DefaultReportPageSize = 50;

    /// <summary>The values an AvailabilityState may take (2.0.1 ConnectorStatusEnumType).</summary>
    public const string AvailabilityValues = "Available,Occupied,Reserved,Unavailable,Faulted";

    private const string Watts = "W";
    private const string ChargingStationName = "ChargingStation";
    private const string EvseName = "EVSE";
    private const string ConnectorName = "Connector";

    // The values a ConnectorType may take: the same for every connector of every station.
    private static readonly string ConnectorTypes = string.Join(",", EnumJsonNames.All(typeof(ConnectorType)));

    private readonly ChargingStation _station;
    private readonly Func<int?, double> _powerW;
    private readonly bool _networkConfiguration;
    private IReadOnlyList<DeviceVariable>? _variables;

    /// <summary>Builds the model of <paramref name="station"/>.</summary>
    /// <param name="station">The station; its connector states and settings are read live.</param>
    /// <param name="activePowerW">
    /// The power delivered now in W by an EVSE (its id) or the whole station (<see langword="null"/>), for the Actual
    /// value of the Power variables. The default reports 0 W, for a station that meters nothing.
    /// </param>
    /// <param name="networkConfiguration">
    /// Whether the model has the NetworkConfiguration component, one instance per configuration slot (OCPP 2.1; 2.0.1
    /// has none). The default value is false.
    /// </param>
    public DeviceModel(ChargingStation station, Func<int?, double>? activePowerW = null, bool networkConfiguration = false)
    {
        ArgumentNullException.ThrowIfNull(station);
        _station = station;
        _powerW = activePowerW ?? (_ => 0);
        _networkConfiguration = networkConfiguration;
    }

    /// <summary>Every variable: the station's first, then each EVSE's, each connector's, the settings, then each network configuration slot's.</summary>
    /// <remarks>
    /// Built on first use: every 2.x session has a model, but most stations of a load run are never asked for it, and
    /// its ~60 variables (~130 with 2.1's network configuration slots) cost 15–35 KB a station. What they are does not
    /// depend on when they are built: the profile, the connectors and the settings' names are fixed, values are read live.
    /// </remarks>
    public IReadOnlyList<DeviceVariable> Variables
    {
        get
        {
            var variables = Volatile.Read(ref _variables);
            if (variables is null)
            {
                variables = Build();
                variables = Interlocked.CompareExchange(ref _variables, variables, null) ?? variables;
            }

            return variables;
        }
    }

    /// <summary>The variables a base report of <paramref name="reportBase"/> lists, in <see cref="Variables"/> order.</summary>
    public IReadOnlyList<DeviceVariable> Report(DeviceReportBase reportBase) => reportBase switch
    {
        DeviceReportBase.ConfigurationInventory => [.. Variables.Where(v => !v.ReadOnly)],
        DeviceReportBase.SummaryInventory => [.. Variables.Where(v => v.InSummary)],
        _ => Variables,
    };

    /// <summary>
    /// Finds a variable. Names compare case-insensitively, as OCPP 2.x asks; a component without an EVSE matches only
    /// station-wide components, and a connector component needs both ids; a component instance matches only that
    /// instance (a NetworkConfiguration slot), one without only components without; likewise a variable with an
    /// instance is found only by that instance, one without only without.
    /// </summary>
    public DeviceLookup Find(string component, int? evseId, int? connectorId, string variable, string? instance = null, string? componentInstance = null)
    {
        var candidates = Variables.Where(v =>
            string.Equals(v.Component.Name, component, StringComparison.OrdinalIgnoreCase)
            && v.Component.EvseId == evseId
            && v.Component.ConnectorId == connectorId
            && string.Equals(v.Component.Instance, componentInstance, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
        {
            return new DeviceLookup(DeviceLookupStatus.UnknownComponent, null);
        }

        var found = candidates.FirstOrDefault(v =>
            string.Equals(v.Name, variable, StringComparison.OrdinalIgnoreCase) && string.Equals(v.Instance, instance, StringComparison.OrdinalIgnoreCase));
        return found is null ? new DeviceLookup(DeviceLookupStatus.UnknownVariable, null) : new DeviceLookup(DeviceLookupStatus.Found, found);
    }

    /// <summary>Changes a variable: a setting of <see cref="StationConfiguration"/>, or one that writes itself (a network configuration slot's).</summary>
    public SetOutcome TrySet(DeviceVariable variable, string value)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (variable.ReadOnly)
        {
            return SetOutcome.ReadOnly;
        }

        if (variable.Write is { } write)
        {
            return write(value);
        }

        if (variable.Setting is null)
        {
            return SetOutcome.ReadOnly;
        }

        // The live setting, not the snapshot taken when the model was built: its value may have changed since.
        var setting = _station.Configuration.Get(variable.Setting.Key) ?? variable.Setting;
        return _station.Configuration.TrySet(setting, value);
    }

    private DeviceVariable[] Build() =>
    [
        .. StationVariables(), .. EvseVariables(), .. ConnectorVariables(), .. SettingVariables(),
        .. _networkConfiguration ? NetworkConfigurationVariables.Of(_station.NetworkProfiles) : [],
    ];

    private IEnumerable<DeviceVariable> StationVariables()
    {
        var identity = _station.Profile.Identity;
        var station = new DeviceComponent(ChargingStationName);
        yield return Constant(station, "Model", identity.Model);
        yield return Constant(station, "VendorName", identity.Vendor);
        if (identity.SerialNumber is { } serial)
        {
            yield return Constant(station, "SerialNumber", serial);
        }

        if (identity.FirmwareVersion is { } firmware)
        {
            yield return Constant(station, "FirmwareVersion", firmware);
        }

        yield return Availability(station, _station.Connectors, occupiedWins: false);
        yield return Power(station, null, _station.Profile.StationMaxKw);
    }

    private IEnumerable<DeviceVariable> EvseVariables()
    {
        foreach (var evse in _station.Profile.Evses.OrderBy(e => e.Id))
        {
            var component = new DeviceComponent(EvseName, evse.Id);
            var connectors = _station.Connectors.Where(c => c.EvseId == evse.Id).ToList();
            yield return Availability(component, connectors, occupiedWins: true);
            yield return Power(component, evse.Id, evse.MaxKw);
            yield return SupplyPhases(component, evse.Connectors.Max(c => c.Phases ?? 0));
        }
    }

    private IEnumerable<DeviceVariable> ConnectorVariables()
    {
        foreach (var connector in _station.Connectors)
        {
            var component = new DeviceComponent(ConnectorName, connector.EvseId, connector.ConnectorId);
            yield return new DeviceVariable(component, "ConnectorType", DeviceDataType.OptionList, ReadOnly: true, () => EnumJsonNames.Of(connector.Definition.Type))
            {
                ValuesList = ConnectorTypes,
            };
            yield return Availability(component, [connector], occupiedWins: true);
            yield return SupplyPhases(component, connector.Definition.Phases ?? 0);
        }
    }

    private IEnumerable<DeviceVariable> SettingVariables() =>
        _station.Configuration.All.Where(setting => setting.InV2).Select(setting => new DeviceVariable(
            new DeviceComponent(setting.Component),
            setting.Variable,
            setting.DataType,
            setting.ReadOnly,
            () => _station.Configuration.Get(setting.Key)?.Value ?? setting.Value)
        {
            Unit = setting.Unit,
            Instance = setting.Instance,
            ValuesList = setting.ValuesList,
            WriteOnly = setting.WriteOnly,
            Setting = setting,
        });

    private static DeviceVariable Constant(DeviceComponent component, string name, string value) =>
        new(component, name, DeviceDataType.String, ReadOnly: true, () => value) { InSummary = true };

    private static DeviceVariable Availability(DeviceComponent component, IReadOnlyList<StationConnector> connectors, bool occupiedWins) =>
        new(component, "AvailabilityState", DeviceDataType.OptionList, ReadOnly: true, () => AvailabilityOf(connectors, occupiedWins).ToString())
        {
            ValuesList = AvailabilityValues,
            InSummary = true,
        };

    private DeviceVariable Power(DeviceComponent component, int? evseId, double maxKw) =>
        new(component, "Power", DeviceDataType.Decimal, ReadOnly: true, () => Text(_powerW(evseId)))
        {
            Unit = Watts,
            MaxLimit = (decimal)Math.Round(maxKw * 1000, 3),
        };

    private static DeviceVariable SupplyPhases(DeviceComponent component, int phases) =>
        // OCPP 2.x reports DC as 0 phases.
        new(component, "SupplyPhases", DeviceDataType.Integer, ReadOnly: true, () => phases.ToString(CultureInfo.InvariantCulture))
        {
            MaxLimit = 3,
        };

    /// <summary>
    /// A group of connectors is as available as its best member and Unavailable or Faulted only when all members are.
    /// An EVSE charges one vehicle at a time, so there one occupied connector makes it Occupied (<paramref name="occupiedWins"/>);
    /// the station stays Available while any connector is.
    /// </summary>
    private static ConnectorStatus AvailabilityOf(IReadOnlyList<StationConnector> connectors, bool occupiedWins)
    {
        var statuses = connectors.Select(c => c.Status).ToList();
        if (occupiedWins && statuses.Contains(ConnectorStatus.Occupied))
        {
            return ConnectorStatus.Occupied;
        }

        if (statuses.Contains(ConnectorStatus.Available))
        {
            return ConnectorStatus.Available;
        }

        if (statuses.Contains(ConnectorStatus.Occupied))
        {
            return ConnectorStatus.Occupied;
        }

        if (statuses.Contains(ConnectorStatus.Reserved))
        {
            return ConnectorStatus.Reserved;
        }

        return statuses.All(s => s == ConnectorStatus.Faulted) ? ConnectorStatus.Faulted : ConnectorStatus.Unavailable;
    }

    private static string Text(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}

using DerSim.Sim.Profiles;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The running station, version-neutral: its profile, connectors, registration and configuration. Version
/// adapters read and change it; the OCPP messages live in the adapters, not here.
/// </summary>
public sealed partial class ChargingStation
{
    private readonly Lock _gate = new();

    /// <summary>Builds the station of <paramref name="profile"/> under <paramref name="stationId"/>.</summary>
    public ChargingStation(string stationId, EvseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        StationId = stationId;
        Profile = profile;
        var connectors = new List<StationConnector>();
        foreach (var evse in profile.Evses.OrderBy(e => e.Id))
        {
            foreach (var connector in evse.Connectors.OrderBy(c => c.Id))
            {
                connectors.Add(new StationConnector(evse.Id, connector.Id, connectors.Count + 1, connector));
            }
        }

        Connectors = connectors;
        Configuration = new StationConfiguration(connectors.Count, profile.MeterValues.Measurands);
        AuthorizationCache = new AuthorizationCache(Configuration);
        Configuration.CanFollowNetworkPriority = NetworkProfiles.CanFollow;
    }

    /// <summary>The identity the station presents (the last URL path segment).</summary>
    public string StationId { get; }

    /// <summary>The EVSE profile it was built from.</summary>
    public EvseProfile Profile { get; }

    /// <summary>Every connector, ordered by EVSE then connector id.</summary>
    public IReadOnlyList<StationConnector> Connectors { get; }

    /// <summary>The configuration keys / device-model variables the CSMS can read and set.</summary>
    public StationConfiguration Configuration { get; }

    /// <summary>The tokens the CSMS answered about, as the station remembers them (2.x AuthCacheCtrlr).</summary>
    public AuthorizationCache AuthorizationCache { get; }

    /// <summary>The meter's signing key, for signed meter values (AlignedDataCtrlr / SampledDataCtrlr SignReadings).</summary>
    public MeterSigner MeterSigner { get; } = new();

    /// <summary>The outcome of the last BootNotification.</summary>
    public RegistrationState Registration { get; set; } = RegistrationState.NotBooted;

    /// <summary>Why the next BootNotification is sent (PowerUp at start, RemoteReset after a Reset).</summary>
    public BootReason NextBootReason { get; set; } = BootReason.PowerUp;

    /// <summary>Raised when the CSMS asked for a reset: the runner closes the connection and boots again.</summary>
    public event Action<BootReason>? RebootRequested;

    /// <summary>The connector with 1.6 number <paramref name="stationConnectorId"/>, if any.</summary>
    public StationConnector? ByStationConnectorId(int stationConnectorId) =>
        Connectors.FirstOrDefault(c => c.StationConnectorId == stationConnectorId);

    /// <summary>The connectors of EVSE <paramref name="evseId"/> (all when null or 0, as 2.x uses evseId 0 for the station).</summary>
    public IEnumerable<StationConnector> ConnectorsOf(int? evseId, int? connectorId = null) =>
        Connectors.Where(c => (evseId is null or 0 || c.EvseId == evseId) && (connectorId is null || c.ConnectorId == connectorId));

    /// <summary>Whether an EVSE with this id exists.</summary>
    public bool HasEvse(int evseId) => Connectors.Any(c => c.EvseId == evseId);

    /// <summary>
    /// Marks <paramref name="targets"/> operative or inoperative and returns those whose status changed,
    /// so the adapter reports exactly those.
    /// </summary>
    public IReadOnlyList<StationConnector> SetOperative(IEnumerable<StationConnector> targets, bool operative)
    {
        var changed = new List<StationConnector>();
        lock (_gate)
        {
            foreach (var connector in targets)
            {
                var next = operative
                    ? (connector.Status == ConnectorStatus.Unavailable ? ConnectorStatus.Available : connector.Status)
                    : (connector.Status == ConnectorStatus.Available ? ConnectorStatus.Unavailable : connector.Status);
                if (next != connector.Status)
                {
                    connector.Status = next;
                    changed.Add(connector);
                }
            }
        }

        return changed;
    }

    /// <summary>Asks the runner to reboot the station (after the Reset answer went out).</summary>
    public void RequestReboot(BootReason reason)
    {
        NextBootReason = reason;
        RebootRequested?.Invoke(reason);
    }
}

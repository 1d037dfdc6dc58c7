using DerSim.Sim.Adapters;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Sim.Runtime;
using DerSim.Sim.Engine;

namespace DerSim.Harness.Drivers;

/// <summary>A simulated station of a scenario: its profile, version, session plan and, once started, its runner.</summary>
public sealed class StationUnderTest
{
    internal StationUnderTest(string id, EvseProfile profile, OcppVersion version)
    {
        Id = id;
        Profile = profile;
        Version = version;
    }

    /// <summary>The station id (last URL path segment).</summary>
    public string Id { get; }

    /// <summary>The EVSE profile it presents.</summary>
    public EvseProfile Profile { get; }

    /// <summary>The OCPP version it speaks.</summary>
    public OcppVersion Version { get; }

    /// <summary>The sessions it drives once booted; none unless a step plugs in an EV.</summary>
    public SessionPlan Plan { get; set; } = new() { Sessions = 0 };

    /// <summary>The runner, once started.</summary>
    public StationRunner? Runner { get; internal set; }

    /// <summary>The running task, once started.</summary>
    public Task? Running { get; internal set; }

    /// <summary>The last boot outcome, once the CSMS answered a BootNotification.</summary>
    public BootOutcome? Boot { get; internal set; }

    /// <summary>The station's log lines.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    /// <summary>The CSMS's URL as configured (not the relay's), once it connected.</summary>
    public Uri? CsmsUrl { get; internal set; }

    /// <summary>Why the station's last attempt to connect failed (refused upgrade, TLS, network), or null.</summary>
    public Exception? ConnectError { get; internal set; }

    /// <summary>The relay its connection runs through (ws targets), which a scenario can cut.</summary>
    public NetworkLink? Link { get; internal set; }

    /// <summary>The connection outages a scenario caused, as simulated-time spans.</summary>
    public IList<(DateTimeOffset From, DateTimeOffset To)> Outages { get; } = [];

    /// <summary>When (simulated) its connection was cut, while it is.</summary>
    public DateTimeOffset? CutAt { get; internal set; }

    /// <summary>The station's own settings a scenario fixed before it connected: 2.x "Component.Variable" (or "Component.Variable.Instance") or a 1.6 key → value.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The vendor data the station adds to its 2.x messages (customData) once it connects; null adds none.</summary>
    public StationCustomData? CustomData { get; set; }

    /// <summary>
    /// Entries a scenario put in the station's authorization cache before it connected (the OCA cases' "Memory State"):
    /// token → (status, group).
    /// </summary>
    public IDictionary<string, (string Status, string? GroupId)> CachedTokens { get; } = new Dictionary<string, (string Status, string? GroupId)>(StringComparer.Ordinal);

    internal CancellationTokenSource? Stop { get; set; }
}

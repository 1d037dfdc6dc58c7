using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Seed;

/// <summary>
/// One command line of the seed document (evse-profiles.md), flags copied as written there; only the CSMS URL is
/// swapped for a test's own CSMS.
/// </summary>
/// <param name="Version">The <c>--ocpp_version</c> value exactly as in the seed.</param>
/// <param name="StationId">The <c>--ocpp_csid</c> value.</param>
/// <param name="Profile">The <c>--evse_profile</c> value, with its <c>.json</c>.</param>
/// <param name="Subprotocol">The WebSocket subprotocol the CSMS must see.</param>
/// <param name="OcppVersion">The version the line names.</param>
public sealed record SeedCommandLine(string Version, string StationId, string Profile, string Subprotocol, OcppVersion OcppVersion)
{
    /// <summary>The six lines, in the order of the seed document.</summary>
    public static readonly IReadOnlyList<SeedCommandLine> All =
    [
        new("ocpp1.6j", "DERSIM-LAB-1", "EVSE-AC-22kW-1port.json", "ocpp1.6", OcppVersion.V16),
        new("ocpp2.0.1j", "DERSIM-DUAL-1", "EVSE-AC-7.4kW-2port.json", "ocpp2.0.1", OcppVersion.V201),
        new("ocpp2.0.1j", "DERSIM-DC-1", "EVSE-DC-150kW-CCS-1port.json", "ocpp2.0.1", OcppVersion.V201),
        new("ocpp2.1", "DERSIM-DC-MAX-1", "EVSE-DC-350kW-CCS-2port.json", "ocpp2.1", OcppVersion.V21),
        new("ocpp2.0.1j", "DERSIM-HYBRID-1", "EVSE-Hybrid-2DC-1AC.json", "ocpp2.0.1", OcppVersion.V201),
        new("ocpp2.1", "DERSIM-V2G-1", "EVSE-V2G-DC-50kW-bidir.json", "ocpp2.1", OcppVersion.V21),
    ];

    /// <summary>The six lines as NUnit cases, each named after its station.</summary>
    public static IEnumerable<TestCaseData> Cases(string suffix) =>
        All.Select(line => new TestCaseData(line).SetName($"Seed {line.StationId} ({line.Version}, {line.Profile}) {suffix}"));

    /// <summary>The command line's arguments with <paramref name="csmsUrl"/> in place of the seed's URL.</summary>
    public string[] Args(Uri csmsUrl, params string[] extra) =>
    [
        "--ocpp_enable", "yes",
        "--ocpp_version", Version,
        "--ocpp_csms_url", csmsUrl.ToString(),
        "--ocpp_csid", StationId,
        "--evse_profile", Profile,
        .. extra,
    ];

    /// <summary>The profile the line names, read independently of the simulator's station model.</summary>
    public EvseProfile LoadProfile() => EvseProfileLoader.Load(Profile, ProfilesDirectory.Locate());

    /// <summary>
    /// The connector keys a CSMS must see a StatusNotification for: 1.6 numbers connectors 1..N across the
    /// charge point; 2.x names EVSE and connector.
    /// </summary>
    public IReadOnlyList<(int EvseId, int ConnectorId)> ExpectedConnectors()
    {
        var profile = LoadProfile();
        var pairs = profile.Evses.OrderBy(e => e.Id)
            .SelectMany(e => e.Connectors.OrderBy(c => c.Id).Select(c => (e.Id, c.Id)))
            .ToList();
        return OcppVersion == OcppVersion.V16
            ? [.. pairs.Select((_, i) => (0, i + 1))]
            : pairs;
    }

    /// <inheritdoc />
    public override string ToString() => $"{StationId} {Version} {Profile}";
}

using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Steps;

/// <summary>Stations, their profiles and versions, connecting and booting.</summary>
[Binding]
public sealed class StationSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// The OCPP version a step names: <c>1.6</c> (or <c>1.6J</c>), <c>2.0.1</c>, <c>2.1</c>.
    /// Example: <c>on OCPP 2.0.1</c>.
    /// </summary>
    [StepArgumentTransformation(@"(1\.6J?|2\.0\.1|2\.1)", Name = "ocppVersion")]
    public static OcppVersion Version(string text) =>
        OcppVersions.TryParse(text, out var version) ? version.Value : throw new ArgumentException($"'{text}' is not an OCPP version; expected {OcppVersions.AcceptedSpellings}");

    /// <summary>
    /// Adds a simulated station with a bundled EVSE profile (or a profile path) speaking the given OCPP version.
    /// Example: <c>Given a station "DERSIM-DC-1" with profile "EVSE-DC-150kW-CCS-1port" on OCPP 2.0.1</c>
    /// </summary>
    [Given("a station {string} with profile {string} on OCPP {ocppVersion}")]
    public void AddStation(string stationId, string profile, OcppVersion version)
    {
        if (!world.Target.Speaks(version))
        {
            scenario.NotApplicable($"the target declares OCPP {string.Join(", ", world.Target.Versions)}, not {version.DisplayName()}");
        }

        var station = world.Simulator.AddStation(stationId, profile, version);
        // Sessions a step plans ("an EV ... that wants ...") authorise with the valid token of the declaration.
        var valid = world.Target.Tokens.Valid[0];
        station.Plan = station.Plan with { IdTag = valid.IdToken, IdTagType = valid.EffectiveType };
    }

    /// <summary>
    /// Adds a simulated station whose id is the next one the target declaration offers (the scenario's first station
    /// takes the first declared id), with a bundled EVSE profile (or a profile path) and OCPP version. Not applicable
    /// when the target does not speak the version or declares too few station ids.
    /// Example: <c>Given a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1</c>
    /// </summary>
    [Given("a station with profile {string} on OCPP {ocppVersion}")]
    public void AddDeclaredStation(string profile, OcppVersion version)
    {
        var ordinal = world.Simulator.Stations.Count + 1;
        var id = world.Target.StationId(ordinal);
        if (id is null)
        {
            scenario.NotApplicable($"the scenario needs {ordinal} stations; the target declares {world.Target.StationIds!.Count} station id(s)");
        }

        AddStation(id!, profile, version);
    }

    /// <summary>
    /// Adds the scenario's second station: the second id the target declaration offers.
    /// Example: <c>Given a second station with profile "EVSE-AC-7.4kW-2port" on OCPP 1.6</c>
    /// </summary>
    [Given("a second station with profile {string} on OCPP {ocppVersion}")]
    public void AddSecondStation(string profile, OcppVersion version)
    {
        if (world.Simulator.Stations.Count != 1)
        {
            throw new InvalidOperationException($"\"a second station\" follows exactly one station; this scenario has {world.Simulator.Stations.Count}");
        }

        AddDeclaredStation(profile, version);
    }

    /// <summary>
    /// Connects the scenario's station to the CSMS: it opens the WebSocket and sends BootNotification.
    /// Example: <c>When the station connects to the CSMS</c>
    /// </summary>
    [When("the station connects to the CSMS")]
    public Task Connect() => world.Simulator.StartAsync(world.Simulator.Station());

    /// <summary>
    /// Connects the named station to the CSMS.
    /// Example: <c>When station "DERSIM-AC-2" connects to the CSMS</c>
    /// </summary>
    [When("station {string} connects to the CSMS")]
    public Task ConnectNamed(string stationId) => world.Simulator.StartAsync(world.Simulator.Station(stationId));

    /// <summary>
    /// Waits for the CSMS's answer to BootNotification and checks its status (Accepted, Pending or Rejected).
    /// Example: <c>Then the CSMS answers the boot with "Accepted"</c>
    /// </summary>
    [Then("the CSMS answers the boot with {string}")]
    public async Task BootAnswered(string status)
    {
        var station = world.Simulator.Station();
        var query = await world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Received().Action("BootNotification").OfType(OcppMessageType.CallResult).Count > 0
                || q.Station(station.Id).Received().Action("BootNotification").OfType(OcppMessageType.CallError).Count > 0,
            $"an answer to {station.Id}'s BootNotification").ConfigureAwait(false);
        var answer = query.Station(station.Id).Received().Action("BootNotification").ShouldExist();
        var actual = answer.Payload is { } p && FrameFields.At(p, "status") is { } s ? FrameFields.Text(s) : null;
        if (answer.MessageType != OcppMessageType.CallResult || actual != status)
        {
            throw new TrafficAssertionException($"expected BootNotification answered with status {status}, got {actual ?? answer.MessageType.ToString()}", [answer]);
        }
    }

    /// <summary>
    /// Waits until the station reported the given status for every one of its connectors, and the CSMS answered each
    /// report. Example: <c>Then the station reports every connector as "Available"</c>
    /// </summary>
    [Then("the station reports every connector as {string}")]
    public async Task EveryConnector(string status)
    {
        var station = world.Simulator.Station();
        var expected = station.Profile.Evses.Sum(e => e.Connectors.Count);
        bool Reported(TrafficQuery q) => ReportsOf(q, station.Id, status).Count >= expected
            && q.Station(station.Id).Received().Action("StatusNotification").OfType(OcppMessageType.CallResult).Count >= expected;
        await world.Simulator.WaitForAsync(Reported, $"{expected} StatusNotification(s) with {status} from {station.Id}").ConfigureAwait(false);
    }

    private static IReadOnlyList<string> ReportsOf(TrafficQuery query, string stationId, string status) =>
        [.. query.Station(stationId).Sent().Calls().Action("StatusNotification").Frames
            .Where(f => f.Payload is { } p && (FrameFields.At(p, "status") ?? FrameFields.At(p, "connectorStatus")) is { } s && FrameFields.Text(s) == status)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{FrameFields.At(f.Payload!.Value, "evseId")?.GetRawText()}/{FrameFields.At(f.Payload!.Value, "connectorId")?.GetRawText()}"))
            .Distinct()];
}

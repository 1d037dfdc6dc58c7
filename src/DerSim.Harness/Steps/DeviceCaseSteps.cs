using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Adapters;
using DerSim.Sim.StationModel;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCA cases in which the CSMS manages the station as a device (blocks B, C and G): reading and writing its
/// variables, resetting it, clearing its authorization cache and changing the availability of the station, an EVSE or
/// a connector. The CSMS actions these cases need beyond <see cref="CsmsActionSteps"/>, the memory state "Unavailable"
/// the availability cases start from, and checks on what the CSMS left out of its CALL and on its answers to what the
/// station sent afterwards (the boot after a reset, the status of a connector).
/// </summary>
[Binding]
public sealed class DeviceCaseSteps(ScenarioWorld world, ScenarioContext scenario, TransactionCaseSteps transactions)
{
    /// <summary>
    /// Sends ChangeAvailability making one connector of an EVSE Inoperative or Operative (2.x evse.id and
    /// evse.connectorId; 1.6 names the connector by the EVSE's id).
    /// Example: <c>When the CSMS makes connector 1 of EVSE 1 Inoperative</c>
    /// </summary>
    [When("the CSMS makes connector {int} of EVSE {int} {word}")]
    public Task ConnectorAvailability(int connectorId, int evseId, string status)
    {
        var station = world.Simulator.Station();
        if (status is not ("Inoperative" or "Operative"))
        {
            throw new ArgumentException($"'{status}' is not Operative or Inoperative");
        }

        return CsmsPerform.RunAsync(world, scenario, new ChangeAvailabilityCommand(station.Id, station.Version, evseId, status, connectorId));
    }

    /// <summary>
    /// Sends ClearCache: the station is to empty its authorization cache (OCPP 2.0.1 C11, 1.6 §5.4).
    /// Example: <c>When the CSMS clears the authorization cache</c>
    /// </summary>
    [When("the CSMS clears the authorization cache")]
    public Task ClearCache()
    {
        var station = world.Simulator.Station();
        return CsmsPerform.RunAsync(world, scenario, new ClearCacheCommand(station.Id, station.Version));
    }

    /// <summary>
    /// Memory state Unavailable for an EVSE: on site, the booted station's owner takes every connector of the EVSE out of
    /// service; the station reports each one Unavailable (StatusNotification) and the CSMS answers the reports.
    /// Example: <c>Given EVSE 1 is Unavailable</c>
    /// </summary>
    [Given("EVSE {int} is Unavailable")]
    public Task EvseUnavailable(int evseId) => UnavailableAsync(evseId, null, $"EVSE {evseId}");

    /// <summary>
    /// Memory state Unavailable for one connector of an EVSE, as the step above.
    /// Example: <c>Given connector 1 of EVSE 1 is Unavailable</c>
    /// </summary>
    [Given("connector {int} of EVSE {int} is Unavailable")]
    public Task ConnectorUnavailable(int connectorId, int evseId) => UnavailableAsync(evseId, connectorId, $"connector {connectorId} of EVSE {evseId}");

    /// <summary>
    /// Memory state Unavailable for the whole station: every connector, as the steps above.
    /// Example: <c>Given the station is Unavailable</c>
    /// </summary>
    [Given("the station is Unavailable")]
    public Task StationUnavailable() => UnavailableAsync(null, null, "the station");

    /// <summary>
    /// Checks that the station sent a CALL of the action with that field value (waiting up to the step timeout for it)
    /// and that the CSMS answered every such CALL with a CALLRESULT carrying the second value at the second path: e.g.
    /// the BootNotification after a reset accepted (OCPP 2.0.1 B11/B12: the station boots again and the CSMS registers
    /// it). Fails quoting the CALL and the answer.
    /// Example: <c>Then the CSMS answered the "BootNotification" whose "reason" is "RemoteReset" with "status" = "Accepted"</c>
    /// </summary>
    [Then("the CSMS answered the {string} whose {string} is {string} with {string} = {string}")]
    public async Task AnsweredWhoseWith(string action, string path, string value, string answerPath, string expected)
    {
        await transactions.AnsweredWhose(action, path, value).ConfigureAwait(false);
        var recorded = world.Recorder.Query();
        foreach (var call in recorded.Sent().Calls().Action(action).With(path, value).Frames)
        {
            var answer = recorded.AnswerTo(call)!;
            var field = answer.Payload is { } p ? FrameFields.At(p, answerPath) : null;
            if (field is not { } actual || !FrameFields.Matches(actual, expected))
            {
                throw new TrafficAssertionException(
                    $"rule: the CSMS answers the {action} whose {path} is {value} with {answerPath} = {expected}; it answered {call.MessageId} with {(field is { } f ? FrameFields.Text(f) : "no " + answerPath)}",
                    [call, answer]);
            }
        }
    }

    private async Task UnavailableAsync(int? evseId, int? connectorId, string what)
    {
        var station = world.Simulator.Station();
        var engine = station.Runner?.Engine ?? throw new InvalidOperationException($"{what} is made Unavailable on a running station: start with Given the station is Booted");
        var targets = engine.Station.ConnectorsOf(evseId, connectorId).ToList();
        if (targets.Count == 0)
        {
            throw new ArgumentException($"station {station.Id} has no {what}");
        }

        var mark = world.Recorder.Query().Frames.Count;
        try
        {
            await StationMaintenance.TakeOutOfServiceAsync(engine, targets, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex))
        {
            // Recorded; judged below.
        }

        var query = await world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Action("StatusNotification").Frames.Where(f => f.Sequence > mark).All(c => q.AnswerTo(c) is not null),
            $"the CSMS's answers to the StatusNotification Unavailable of {what}").ConfigureAwait(false);
        var refused = query.Station(station.Id).Sent().Calls().Action("StatusNotification").Frames
            .Where(f => f.Sequence > mark && query.AnswerTo(f) is not { MessageType: OcppMessageType.CallResult })
            .SelectMany(c => new[] { c, query.AnswerTo(c)! })
            .ToList();
        if (refused.Count > 0)
        {
            throw new TrafficAssertionException($"rule: the CSMS answers every StatusNotification with a CALLRESULT; it refused the report of {what} Unavailable", refused);
        }
    }
}

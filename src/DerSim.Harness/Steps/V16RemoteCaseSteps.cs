using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.StationModel;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCPP 1.6 Core cases in which the CSMS acts on the station (remote start and stop, reset, unlock, configuration
/// keys, the authorization cache) and the RemoteTrigger cases: the CSMS actions they need beyond
/// <see cref="CsmsActionSteps"/> (every configuration key, a remote stop of a transaction the station does not know) and
/// the station hardware they start from (a fixed cable, a lock that does not open).
/// </summary>
[Binding]
public sealed class V16RemoteCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>The transaction id a remote stop of an unknown transaction names, unless the CSMS gave it to the station.</summary>
    private const int UnknownTransactionId = 999_999;

    /// <summary>
    /// The station's connector has its cable fixed to the station instead of a socket: there is no cable retention lock
    /// to release, so it answers an UnlockConnector of it NotSupported (OCPP 1.6 §5.18). Put it after "the station is
    /// Booted". Example: <c>Given connector 1 of EVSE 1 has a fixed cable</c>
    /// </summary>
    [Given("connector {int} of EVSE {int} has a fixed cable")]
    public void FixedCable(int connectorId, int evseId) => ConnectorOf(connectorId, evseId).FixedCable = true;

    /// <summary>
    /// The cable lock of the station's connector does not open when asked: the station answers an UnlockConnector of it
    /// UnlockFailed (OCPP 1.6 §5.18). Put it after "the station is Booted".
    /// Example: <c>Given the lock of connector 1 of EVSE 1 is stuck</c>
    /// </summary>
    [Given("the lock of connector {int} of EVSE {int} is stuck")]
    public void LockStuck(int connectorId, int evseId) => ConnectorOf(connectorId, evseId).LockStuck = true;

    /// <summary>
    /// OCPP 1.6: sends GetConfiguration without keys, asking for every configuration key the station has. Not applicable
    /// on 2.x. Example: <c>When the CSMS reads every configuration key</c>
    /// </summary>
    [When("the CSMS reads every configuration key")]
    public Task ReadEveryKey()
    {
        var station = world.Simulator.Station();
        return CsmsPerform.RunAsync(world, scenario, new GetConfigurationCommand(station.Id, station.Version));
    }

    /// <summary>
    /// Sends RemoteStopTransaction (2.x RequestStopTransaction) of a transaction id the station does not know: one the
    /// CSMS gave to none of the station's transactions (1.6 999999, or the highest it gave plus one; 2.x a text no
    /// station transaction has). Example: <c>When the CSMS stops a transaction the station does not know</c>
    /// </summary>
    [When("the CSMS stops a transaction the station does not know")]
    public Task StopUnknown()
    {
        var station = world.Simulator.Station();
        var query = world.Recorder.Query();
        string unknown;
        if (station.Version == OcppVersion.V16)
        {
            var given = CsmsTraffic.AnsweredStarts(query, station.Id, station.Version)
                .Select(s => s.Answer.Payload is { } p && FrameFields.At(p, "transactionId") is { } id && int.TryParse(FrameFields.Text(id), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
                .OfType<int>()
                .ToList();
            var pick = given.Contains(UnknownTransactionId) ? given.Max() + 1 : UnknownTransactionId;
            unknown = pick.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            unknown = "dersim-unknown-transaction";
        }

        return CsmsPerform.RunAsync(world, scenario, new RemoteStopCommand(station.Id, station.Version, unknown));
    }

    /// <summary>
    /// Checks that the station sent a CALL of the action after the CSMS's latest CALL of another (e.g. the MeterValues a
    /// TriggerMessage asked for: OCPP 1.6 §5.17, the message follows the answer), waiting up to the step timeout for it,
    /// and that the CSMS answered it with a CALLRESULT in time. Fails quoting the CSMS's CALL and the station's CALL and
    /// its answer (a CALLERROR, or none).
    /// Example: <c>Then the CSMS answered the "MeterValues" that followed its last "TriggerMessage"</c>
    /// </summary>
    [Then("the CSMS answered the {string} that followed its last {string}")]
    public Task AnsweredFollowing(string action, string csmsAction) => AnsweredFollowingWith(action, csmsAction, null, null);

    /// <summary>
    /// As the step above, and the CSMS's answer has one of the comma-separated values at the JSON path (e.g. the
    /// Authorize and StartTransaction of a remote start, idTagInfo.status Accepted for the token the CSMS started the
    /// transaction for).
    /// Example: <c>Then the CSMS answered the "StartTransaction" that followed its last "RemoteStartTransaction" with "idTagInfo.status" one of "Accepted"</c>
    /// </summary>
    [Then("the CSMS answered the {string} that followed its last {string} with {string} one of {string}")]
    public async Task AnsweredFollowingWith(string action, string csmsAction, string? path, string? values)
    {
        var exchange = CsmsPerform.Latest(world, csmsAction);
        var station = world.Simulator.Station();
        var after = exchange.Call.Sequence;
        RecordedFrame call;
        try
        {
            var query = await world.Simulator.WaitForAsync(
                q => q.Station(station.Id).Sent().Calls().Action(action).Frames.Any(f => f.Sequence > after),
                $"a {action} from {station.Id} after the CSMS's {exchange.Call.Action}").ConfigureAwait(false);
            call = query.Station(station.Id).Sent().Calls().Action(action).Frames.First(f => f.Sequence > after);
        }
        catch (TrafficAssertionException)
        {
            throw new TrafficAssertionException($"the station sent no {action} after the CSMS's {exchange.Call.Action}: the case could not be run to its check", [exchange.Call]);
        }

        TrafficQuery settled;
        try
        {
            settled = await world.Simulator.WaitForAsync(q => q.AnswerTo(call) is not null, $"the CSMS's answer to {action} {call.MessageId}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            settled = world.Recorder.Query();
        }

        var answer = settled.AnswerTo(call);
        if (answer is not { MessageType: OcppMessageType.CallResult })
        {
            var got = answer is null ? $"no answer within {world.Simulator.WaitTimeout.TotalSeconds:0} s" : $"the error {answer.ErrorCode ?? answer.MessageType.ToString()}";
            throw new TrafficAssertionException(
                $"rule: the CSMS answers the {action} its {exchange.Call.Action} asked for with a CALLRESULT in time; it gave {got}",
                answer is null ? [exchange.Call, call] : [exchange.Call, call, answer]);
        }

        if (path is not null && values is not null)
        {
            var allowed = values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var found = answer.Payload is { } payload && FrameFields.At(payload, path) is { } field ? FrameFields.Text(field) : null;
            if (found is null || !allowed.Contains(found, StringComparer.Ordinal))
            {
                throw new TrafficAssertionException(
                    $"rule: the CSMS answers the {action} that followed its {exchange.Call.Action} with {path} one of {string.Join(", ", allowed)}; it answered {found ?? $"no {path}"}",
                    [exchange.Call, call, answer]);
            }
        }
    }

    private StationConnector ConnectorOf(int connectorId, int evseId)
    {
        var station = world.Simulator.Station();
        var runner = station.Runner ?? throw new InvalidOperationException("the station is not running yet: put this step after \"the station is Booted\"");
        return runner.Station.ConnectorsOf(evseId, connectorId).FirstOrDefault()
            ?? throw new InvalidOperationException($"the station's profile has no connector {connectorId} on EVSE {evseId}");
    }
}

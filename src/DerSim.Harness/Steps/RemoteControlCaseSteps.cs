using System.Globalization;
using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The remote-control cases (OCPP 2.0.1 F01–F06, E06 remote stop, K05 TxProfile with a remote start): making the CSMS
/// start a transaction with a TxProfile, letting the driver's own steps follow a remote start, and the checks on the
/// CSMS's CALLs and on its answers to what the station sent because of them (a remoteStartId the TransactionEvent
/// echoes, a field present or absent in the CSMS's request, a charging profile's schedule fitting its kind).
/// </summary>
[Binding]
public sealed class RemoteControlCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// After a remote start the driver plugs in only when a step says so (or never, for a connection timeout): the
    /// booted station's CSMS-started sessions on free EVSEs wait for the scenario's steps instead of a default EV that
    /// plugs in at once. Put it after "the station is Booted".
    /// Example: <c>Given after a remote start the driver plugs in only when a step says so</c>
    /// </summary>
    [Given("after a remote start the driver plugs in only when a step says so")]
    public void RemoteStartsWaitForSteps()
    {
        var station = world.Simulator.Station();
        var runner = station.Runner ?? throw new InvalidOperationException("the station is not running yet: put this step after \"the station is Booted\"");
        runner.Engine.SteppedSessions.RemoteStartsWaitForSteps = true;
    }

    /// <summary>
    /// Sends RequestStartTransaction (1.6 RemoteStartTransaction) for an EVSE and a declared token with a TxProfile
    /// limiting the transaction it starts to a power from its start (purpose TxProfile, no transactionId, one relative
    /// period in W: OCPP 2.0.1 F01.FR.08–.11). The CSMS numbers the remoteStartId and the profile's ids itself.
    /// Example: <c>When the CSMS starts a transaction remotely on EVSE 1 for the valid token with a TxProfile of 11 kW</c>
    /// </summary>
    [When("the CSMS starts a transaction remotely on EVSE {int} for {tokenRole} with a TxProfile of {float} kW")]
    public Task RemoteStartWithProfile(int evseId, Target.TokenRole role, float kw)
    {
        var station = world.Simulator.Station();
        var token = TargetSteps.Token(world, scenario, role);
        return CsmsPerform.RunAsync(world, scenario, new RemoteStartCommand(station.Id, station.Version, evseId, token.IdToken, token.EffectiveType, (decimal)kw * 1000));
    }

    /// <summary>
    /// Checks that the station's CALL of an action echoes a field of the CSMS's latest CALL of another (e.g. the
    /// TransactionEvent carrying the RequestStartTransaction's remoteStartId, OCPP 2.0.1 F02.FR.01; a
    /// LogStatusNotification carrying the GetLog's requestId) and that the CSMS answered it with a CALLRESULT in time.
    /// Fails quoting the CSMS's CALL and the station's CALLs, or the CALL and its answer.
    /// Example: <c>Then the CSMS answered the "TransactionEvent" whose "transactionInfo.remoteStartId" echoes its "RequestStartTransaction"'s "remoteStartId"</c>
    /// </summary>
    [Then("the CSMS answered the {string} whose {string} echoes its {string}'s {string}")]
    public Task AnsweredEcho(string action, string path, string csmsAction, string csmsPath) =>
        AnsweredEchoWith(action, path, csmsAction, csmsPath, null, null);

    /// <summary>
    /// As the step above, and the CSMS's answer has that value at a path (e.g. idTokenInfo.status Accepted for the
    /// token it started the transaction for).
    /// Example: <c>Then the CSMS answered the "TransactionEvent" whose "transactionInfo.remoteStartId" echoes its "RequestStartTransaction"'s "remoteStartId", with "idTokenInfo.status" = "Accepted"</c>
    /// </summary>
    [Then("the CSMS answered the {string} whose {string} echoes its {string}'s {string}, with {string} = {string}")]
    public async Task AnsweredEchoWith(string action, string path, string csmsAction, string csmsPath, string? answerPath, string? answerValue)
    {
        var exchange = CsmsPerform.Latest(world, csmsAction);
        if (exchange.Call.Payload is not { } sent || FrameFields.At(sent, csmsPath) is not { } chosen)
        {
            throw new TrafficAssertionException($"rule: the CSMS's {exchange.Call.Action} carries {csmsPath}; it has none", [exchange.Call]);
        }

        var value = FrameFields.Text(chosen);
        var station = world.Simulator.Station();
        var what = $"{action} whose {path} is {value} (the {csmsPath} of the CSMS's {exchange.Call.Action})";
        TrafficQuery query;
        try
        {
            query = await world.Simulator.WaitForAsync(q => Echoing(q, station.Id, action, path, value, exchange.Call.Sequence).Count > 0, $"the station's {what}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            var recorded = world.Recorder.Query();
            var unanswered = recorded.Station(station.Id).Sent().Calls().Frames
                .Where(c => c.Sequence > exchange.Call.Sequence && recorded.AnswerTo(c) is not { MessageType: OcppMessageType.CallResult }).ToList();
            if (unanswered.Count > 0)
            {
                // The station got no further because the CSMS did not answer what came before: that is the CSMS's fault.
                throw new TrafficAssertionException(
                    $"rule: the CSMS answers every call of the flow with a CALLRESULT in time; it did not ({string.Join("; ", unanswered.Select(c => $"{c.Action} {c.MessageId}: {recorded.AnswerTo(c)?.ErrorCode ?? "no answer"}"))}), so the station sent no {what}",
                    [exchange.Call, .. unanswered.SelectMany(c => recorded.AnswerTo(c) is { } a ? new[] { c, a } : [c])]);
            }

            throw new TrafficAssertionException(
                $"the station sent no {what}: the case could not be run to its check",
                [exchange.Call, .. recorded.Station(station.Id).Sent().Calls().Action(action).Frames.Where(f => f.Sequence > exchange.Call.Sequence)]);
        }

        var call = Echoing(query, station.Id, action, path, value, exchange.Call.Sequence)[0];
        TrafficQuery settled;
        try
        {
            settled = await world.Simulator.WaitForAsync(q => q.AnswerTo(call) is not null, $"the CSMS's answer to the {what}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            settled = world.Recorder.Query();
        }

        var answer = settled.AnswerTo(call);
        if (answer is not { MessageType: OcppMessageType.CallResult })
        {
            throw new TrafficAssertionException(
                $"rule: the CSMS answers the {what} with a CALLRESULT in time; it {(answer is null ? $"did not answer within {world.Simulator.WaitTimeout.TotalSeconds:0} s" : $"answered {answer.ErrorCode ?? answer.MessageType.ToString()}")}",
                answer is null ? [exchange.Call, call] : [exchange.Call, call, answer]);
        }

        if (answerPath is not null && answerValue is not null
            && (answer.Payload is not { } payload || FrameFields.At(payload, answerPath) is not { } field || !FrameFields.Matches(field, answerValue)))
        {
            var found = answer.Payload is { } p && FrameFields.At(p, answerPath) is { } f ? FrameFields.Text(f) : "nothing";
            throw new TrafficAssertionException($"rule: the CSMS answers the {what} with {answerPath} = {answerValue}; it answered {found}", [exchange.Call, call, answer]);
        }
    }

    /// <summary>
    /// Checks the charging profile (chargingProfile; 1.6 csChargingProfiles or chargingProfile) of the CSMS's latest
    /// CALL of an action: a Relative profile's schedules have no startSchedule, an Absolute one's have one (OCPP 2.0.1
    /// K01.FR.40/.41, as the TC_K_37 tool validation asks). Example:
    /// <c>Then the charging profile of the CSMS's last "RequestStartTransaction" has a start schedule as its kind asks</c>
    /// </summary>
    [Then("the charging profile of the CSMS's last {string} has a start schedule as its kind asks")]
    public void StartScheduleFitsKind(string action)
    {
        var exchange = CsmsPerform.Latest(world, action);
        var profile = exchange.Call.Payload is { } p ? FrameFields.At(p, "chargingProfile") ?? FrameFields.At(p, "csChargingProfiles") : null;
        if (profile is not { ValueKind: JsonValueKind.Object } found)
        {
            throw new TrafficAssertionException($"rule: the CSMS's {exchange.Call.Action} carries a charging profile; it has none", [exchange.Call]);
        }

        var kind = FrameFields.At(found, "chargingProfileKind") is { } k ? FrameFields.Text(k) : null;
        var schedules = FrameFields.At(found, "chargingSchedule") switch
        {
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().ToList(),
            { ValueKind: JsonValueKind.Object } one => [one],
            _ => [],
        };
        for (var i = 0; i < schedules.Count; i++)
        {
            var start = FrameFields.At(schedules[i], "startSchedule");
            var problem = kind switch
            {
                "Relative" when start is not null => "a Relative profile has no startSchedule",
                "Absolute" when start is null => "an Absolute profile has a startSchedule",
                _ => null,
            };
            if (problem is not null)
            {
                throw new TrafficAssertionException(
                    string.Create(CultureInfo.InvariantCulture, $"rule: {problem}; chargingSchedule {i} of the CSMS's {exchange.Call.Action} {(start is null ? "has none" : $"has {FrameFields.Text(start.Value)}")}"),
                    [exchange.Call]);
            }
        }
    }

    /// <summary>
    /// Checks that the CSMS answered the station's last CALL of an action (sent after the CSMS's latest action, when
    /// the scenario made it act) with a CALLRESULT in time that carries the field (e.g. the Heartbeat a TriggerMessage
    /// asked for, answered with its currentTime: OCPP 2.0.1 F06, G02). Example: <c>Then the CSMS answered the last "Heartbeat" with a "currentTime"</c>
    /// </summary>
    [Then("the CSMS answered the last {string} with a/an {string}")]
    public async Task AnsweredLastWithField(string action, string path)
    {
        var station = world.Simulator.Station();
        RecordedFrame call;
        TrafficQuery settled;
        try
        {
            var after = world.CsmsExchanges.LastOrDefault()?.Call.Sequence ?? 0;
            var query = await world.Simulator.WaitForAsync(
                q => q.Station(station.Id).Sent().Calls().Action(action).Frames.Any(f => f.Sequence > after),
                $"a {action} from {station.Id}{(after > 0 ? " after the CSMS's latest action" : "")}").ConfigureAwait(false);
            call = query.Station(station.Id).Sent().Calls().Action(action).Frames[^1];
        }
        catch (TrafficAssertionException)
        {
            throw new TrafficAssertionException($"the station sent no {action}: the case could not be run to its check", []);
        }

        try
        {
            settled = await world.Simulator.WaitForAsync(q => q.AnswerTo(call) is not null, $"the CSMS's answer to {action} {call.MessageId}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            settled = world.Recorder.Query();
        }

        var answer = settled.AnswerTo(call);
        if (answer is not { MessageType: OcppMessageType.CallResult } || answer.Payload is not { } payload || FrameFields.At(payload, path) is null)
        {
            var got = answer is null ? "no answer" : answer.MessageType != OcppMessageType.CallResult ? answer.ErrorCode ?? answer.MessageType.ToString() : $"no {path}";
            throw new TrafficAssertionException($"rule: the CSMS answers {action} with a CALLRESULT carrying {path}; it gave {got}", answer is null ? [call] : [call, answer]);
        }
    }

    private static IReadOnlyList<RecordedFrame> Echoing(TrafficQuery query, string stationId, string action, string path, string value, long after) =>
        [.. query.Station(stationId).Sent().Calls().Action(action).Frames
            .Where(f => f.Sequence > after && f.Payload is { } p && FrameFields.At(p, path) is { } v && FrameFields.Matches(v, value))];
}

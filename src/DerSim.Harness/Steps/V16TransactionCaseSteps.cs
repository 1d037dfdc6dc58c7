using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Harness.Target;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The station-initiated OCA 1.6 Core cases (sessions, refused tokens, the lock failure, the power failure, offline
/// transactions): what happens to the station besides the EV's and driver's steps other step classes offer, and a check
/// that waits for the station's message about a token before it judges the CSMS's answer (a message queued offline
/// reaches the CSMS only after the reconnect).
/// </summary>
[Binding]
public sealed class V16TransactionCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Waits (up to the step timeout) until the station sent a CALL of the action carrying the token of a role (1.6 idTag,
    /// 2.x idToken.idToken) and the CSMS answered it, then checks the answer to the last such CALL: a CALLRESULT whose
    /// field at the JSON path is one of the comma-separated values (e.g. 1.6 §4.8: the idTagInfo of a StartTransaction
    /// delivered after the reconnect). Fails naming the rule and quoting the frames when the CALL went unanswered, was
    /// answered with an error or another value, or never came.
    /// Example: <c>Then the station sent a "StartTransaction" of the valid token and the CSMS answered it with "idTagInfo.status" one of "Accepted"</c>
    /// </summary>
    [Then("the station sent a/an {string} of {tokenRole} and the CSMS answered it with {string} one of {string}")]
    public async Task SentAndAnswered(string action, TokenRole role, string path, string values)
    {
        var token = TargetSteps.Token(world, scenario, role);
        var allowed = values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var expected = allowed.Length == 1 ? allowed[0] : "one of " + string.Join(", ", allowed);
        var rule = $"rule: the CSMS answers the {action} of {role.Describe()} ({token.IdToken}) with a CALLRESULT whose {path} is {expected}";
        List<RecordedFrame> Calls(TrafficQuery q) =>
            [.. q.Sent().Calls().Action(action).Frames.Where(c => TokenOf(c.Payload) == token.IdToken)];

        TrafficQuery query;
        try
        {
            query = await world.Simulator.WaitForAsync(q => Calls(q).Any(c => q.AnswerTo(c) is not null), $"the CSMS's answer to a {action} of {role.Describe()}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            var recorded = world.Recorder.Query();
            var sent = Calls(recorded);
            throw sent.Count == 0
                ? new TrafficAssertionException($"{rule}; but the station sent no {action} of {role.Describe()}: the case could not be run to its check", recorded.Sent().Calls().Frames)
                : new TrafficAssertionException($"{rule}; the CSMS did not answer it within {world.Simulator.WaitTimeout.TotalSeconds:0} s (OCPP-J: every CALL is answered)", sent);
        }

        var call = Calls(query).Last(c => query.AnswerTo(c) is not null);
        var answer = query.AnswerTo(call)!;
        if (answer.MessageType != OcppMessageType.CallResult)
        {
            throw new TrafficAssertionException($"{rule}; it answered with {answer.ErrorCode ?? answer.MessageType.ToString()}", [call, answer]);
        }

        var value = SessionTraffic.Text(answer.Payload, path);
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new TrafficAssertionException($"{rule}; it answered {path} {value ?? "none"}", [call, answer]);
        }
    }

    /// <summary>
    /// Waits (up to the step timeout) until the CSMS answered the station's last CALL of one action (e.g. a StartTransaction
    /// delivered after the reconnect) and the station sent a CALL of another whose field carries the value the CSMS gave
    /// in that answer (the StopTransaction of the transaction the CSMS numbered), then checks the CSMS answered that CALL
    /// with a CALLRESULT (1.6 §4.8: the CSMS handles the queued transaction messages of a transaction run offline).
    /// Fails naming the rule and quoting the frames when the first answer carries no such field, was an error, or the CSMS
    /// left the second CALL unanswered or answered it with an error.
    /// Example: <c>Then the CSMS answered the "StopTransaction" whose "transactionId" is the "transactionId" of its answer to the last "StartTransaction"</c>
    /// </summary>
    [Then("the CSMS answered the {string} whose {string} is the {string} of its answer to the last {string}")]
    public async Task AnsweredTheOneItNumbered(string action, string path, string answerPath, string firstAction)
    {
        var station = world.Simulator.Station();
        var rule = $"rule: the CSMS answers the {action} whose {path} is the {answerPath} it gave in its answer to the {firstAction} with a CALLRESULT in time";
        RecordedFrame? First(TrafficQuery q) =>
            q.Station(station.Id).Sent().Calls().Action(firstAction).Frames.LastOrDefault(c => q.AnswerTo(c) is not null);
        string? Given(TrafficQuery q) =>
            First(q) is { } c && q.AnswerTo(c) is { MessageType: OcppMessageType.CallResult, Payload: { } p } ? SessionTraffic.Text(p, answerPath) : null;
        List<RecordedFrame> Carrying(TrafficQuery q, string value) =>
            [.. q.Station(station.Id).Sent().Calls().Action(action).Frames.Where(c => c.Payload is { } p && SessionTraffic.Text(p, path) == value)];

        TrafficQuery query;
        try
        {
            query = await world.Simulator.WaitForAsync(
                q => Given(q) is { } v && Carrying(q, v).Any(c => q.AnswerTo(c) is not null),
                $"the CSMS's answer to the {action} of the {answerPath} it gave").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            var recorded = world.Recorder.Query();
            if (First(recorded) is not { } first)
            {
                throw new TrafficAssertionException($"{rule}; the CSMS did not answer the {firstAction} within {world.Simulator.WaitTimeout.TotalSeconds:0} s (OCPP-J: every CALL is answered)",
                    recorded.Station(station.Id).Sent().Calls().Action(firstAction).Frames);
            }

            var firstAnswer = recorded.AnswerTo(first)!;
            if (Given(recorded) is not { } value)
            {
                throw new TrafficAssertionException($"{rule}; its answer to the {firstAction} has no {answerPath} ({firstAnswer.ErrorCode ?? firstAnswer.MessageType.ToString()})", [first, firstAnswer]);
            }

            var sent = Carrying(recorded, value);
            throw sent.Count == 0
                ? new TrafficAssertionException($"{rule}; but the station sent no {action} with {path} {value}: the case could not be run to its check",
                    [first, firstAnswer, .. recorded.Station(station.Id).Sent().Calls().Action(action).Frames])
                : new TrafficAssertionException($"{rule}; the CSMS did not answer it within {world.Simulator.WaitTimeout.TotalSeconds:0} s (OCPP-J: every CALL is answered)", [first, firstAnswer, .. sent]);
        }

        var value2 = Given(query)!;
        var call = Carrying(query, value2).Last(c => query.AnswerTo(c) is not null);
        var answer = query.AnswerTo(call)!;
        if (answer.MessageType != OcppMessageType.CallResult)
        {
            throw new TrafficAssertionException($"{rule}; it answered with {answer.ErrorCode ?? answer.MessageType.ToString()}", [call, answer]);
        }
    }

    private static string? TokenOf(JsonElement? payload) =>
        payload is not { } p ? null : SessionTraffic.Text(p, "idToken.idToken") ?? SessionTraffic.Text(p, "idTag");
}

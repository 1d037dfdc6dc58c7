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

    private static string? TokenOf(JsonElement? payload) =>
        payload is not { } p ? null : SessionTraffic.Text(p, "idToken.idToken") ?? SessionTraffic.Text(p, "idTag");
}

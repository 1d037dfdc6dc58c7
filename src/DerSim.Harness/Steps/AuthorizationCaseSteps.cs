using System.Text.Json;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Drivers;
using DerSim.Harness.Target;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Engine;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCA cases of block C (Authorization): the station's memory and settings they start from (an authorization
/// cache entry, the Master Pass group), a Master Pass holder's pick on the station's user interface, and the checks of
/// what the CSMS answered about a token (its status, its group), each failing with the rule and the frames.
/// </summary>
[Binding]
public sealed class AuthorizationCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Fixes one of the station's own settings to the group the target declares for a token, before it connects: e.g.
    /// AuthCtrlr.MasterPassGroupId (2.0.1 C16) to the master pass token's group. Not applicable when the token (or its
    /// group) is not declared. Example: <c>Given the station's setting "AuthCtrlr.MasterPassGroupId" is the group of the master pass token</c>
    /// </summary>
    [Given("the station's setting {string} is the group of {tokenRole}")]
    public void SettingIsGroupOf(string name, TokenRole role)
    {
        var group = GroupOf(role);
        new StateSteps(world, scenario).Setting(name, group);
    }

    /// <summary>
    /// Puts a token in the station's authorization cache before it connects, with the status it holds there (the OCA
    /// cases' memory state: the station learned it from an earlier answer of the CSMS). The CSMS's answers update it.
    /// Example: <c>Given the station's authorization cache holds the valid token as "Accepted"</c>
    /// </summary>
    [Given("the station's authorization cache holds {tokenRole} as {string}")]
    public void CacheHolds(TokenRole role, string status)
    {
        var station = world.Simulator.Station();
        if (station.Runner is not null)
        {
            throw new InvalidOperationException("the station's authorization cache is filled before it connects: put this step before \"the station is Booted\" or \"the station connects to the CSMS\"");
        }

        var token = TargetSteps.Token(world, scenario, role);
        station.CachedTokens[token.IdToken] = (status, token.GroupId);
    }

    /// <summary>
    /// A Master Pass holder (or any driver) presents a token on an EVSE of a station with a user interface and picks
    /// every transaction there (2.0.1 C16.FR.01: the station stops each one the Master Pass picked).
    /// Example: <c>When the driver presents the master pass token on EVSE 1 and picks every transaction</c>
    /// </summary>
    [When("the driver presents {tokenRole} on EVSE {int} and picks every transaction")]
    public Task PresentPickingAll(TokenRole role, int evseId) => PresentPicking(role, evseId, MasterPassSelection.All);

    /// <summary>
    /// As the step above, picking only the transaction on one EVSE (2.0.1 C16.FR.01).
    /// Example: <c>When the driver presents the master pass token on EVSE 1 and picks the transaction on EVSE 2</c>
    /// </summary>
    [When("the driver presents {tokenRole} on EVSE {int} and picks the transaction on EVSE {int}")]
    public Task PresentPickingOne(TokenRole role, int evseId, int pickedEvseId) => PresentPicking(role, evseId, new MasterPassSelection([pickedEvseId]));

    /// <summary>
    /// Checks the CSMS's answer (CALLRESULT) to the station's last CALL of the action: the field at the JSON path has
    /// one of the comma-separated values. Fails when there is no such CALL, it was not answered or answered with an
    /// error, or the value is another. Example: <c>Then the CSMS answered the last "Authorize" with "idTokenInfo.status" one of "Invalid, Unknown"</c>
    /// </summary>
    [Then("the CSMS answered the last {string} with {string} one of {string}")]
    public async Task LastAnsweredOneOf(string action, string path, string values)
    {
        var query = await SettledAsync(action).ConfigureAwait(false);
        var sent = query.Sent().Calls().Action(action).Frames;
        var call = (sent.Count > 0 ? sent[^1] : null)
            ?? throw new TrafficAssertionException($"expected a {action} of the station for the CSMS to answer; it sent none", query.Sent().Calls().Frames);
        CheckAnswer(query, call, path, Values(values), $"the CSMS's answer to the last {action}");
    }

    /// <summary>
    /// Checks the CSMS's answer to each CALL of the action that carries the token of a role (2.x idToken.idToken, 1.6
    /// idTag): the field at the JSON path has one of the comma-separated values (e.g. 2.0.1 C01.FR.07 / C12.FR.03: the
    /// status it gives the token). Fails when no such CALL was sent, or one was not answered, answered with an error, or
    /// with another value. Example: <c>Then the CSMS answered each "Authorize" of the blocked token with "idTokenInfo.status" one of "Blocked, Invalid"</c>
    /// </summary>
    [Then("the CSMS answered each {string} of {tokenRole} with {string} one of {string}")]
    public async Task EachOfTokenAnsweredOneOf(string action, TokenRole role, string path, string values)
    {
        var token = TargetSteps.Token(world, scenario, role);
        var (query, calls) = await CallsOfAsync(action, role, token).ConfigureAwait(false);
        foreach (var call in calls)
        {
            CheckAnswer(query, call, path, Values(values), $"the CSMS's answer to the {action} of {role.Describe()} ({token.IdToken})");
        }
    }

    /// <summary>
    /// Checks the CSMS's answer to each CALL of the action that carries the token of a role: it is Accepted and gives the
    /// group the target declares for a token (2.x idTokenInfo.groupIdToken.idToken, 1.6 idTagInfo.parentIdTag; 2.0.1
    /// C09.FR.02: tokens of one group share a groupIdToken). Not applicable when that token declares no group.
    /// Example: <c>Then the CSMS answered each "Authorize" of the master pass token with the group of the master pass token</c>
    /// </summary>
    [Then("the CSMS answered each {string} of {tokenRole} with the group of {tokenRole}")]
    public async Task EachOfTokenAnsweredWithGroup(string action, TokenRole role, TokenRole groupRole)
    {
        var token = TargetSteps.Token(world, scenario, role);
        var group = GroupOf(groupRole);
        var (query, calls) = await CallsOfAsync(action, role, token).ConfigureAwait(false);
        var v16 = world.Simulator.Station().Version == OcppVersion.V16;
        var statusPath = v16 ? "idTagInfo.status" : "idTokenInfo.status";
        var groupPath = v16 ? "idTagInfo.parentIdTag" : "idTokenInfo.groupIdToken.idToken";
        foreach (var call in calls)
        {
            var what = $"the CSMS's answer to the {action} of {role.Describe()} ({token.IdToken}), which the CSMS knows in the group of {groupRole.Describe()}";
            CheckAnswer(query, call, statusPath, ["Accepted"], what);
            CheckAnswer(query, call, groupPath, [group], what + " (C09.FR.02: the group's common groupIdToken)");
        }
    }

    private async Task PresentPicking(TokenRole role, int evseId, MasterPassSelection selection)
    {
        var token = TargetSteps.Token(world, scenario, role);
        await world.Simulator.PresentTokenAsync(world.Simulator.Station(), evseId, token.IdToken, token.EffectiveType, selection).ConfigureAwait(false);
    }

    private string GroupOf(TokenRole role)
    {
        var token = TargetSteps.Token(world, scenario, role);
        if (token.GroupId is null)
        {
            scenario.NotApplicable($"the scenario needs the group of {role.Describe()} but the target declares no groupId for it");
        }

        return token.GroupId!;
    }

    private async Task<(TrafficQuery Query, IReadOnlyList<RecordedFrame> Calls)> CallsOfAsync(string action, TokenRole role, TargetToken token)
    {
        var query = await SettledAsync(action).ConfigureAwait(false);
        var sent = query.Sent().Calls().Action(action).Frames;
        var calls = sent.Where(c => TokenOf(c.Payload) == token.IdToken).ToList();
        if (calls.Count == 0)
        {
            throw new TrafficAssertionException($"expected a {action} of the station carrying {role.Describe()} ({token.IdToken}) for the CSMS to answer; the {sent.Count} sent carry other tokens", sent);
        }

        return (query, calls);
    }

    private static string? TokenOf(JsonElement? payload) =>
        payload is not { } p ? null : SessionTraffic.Text(p, "idToken.idToken") ?? SessionTraffic.Text(p, "idTag");

    private static void CheckAnswer(TrafficQuery query, RecordedFrame call, string path, IReadOnlyList<string> expected, string what)
    {
        var answer = query.AnswerTo(call);
        if (answer is null)
        {
            throw new TrafficAssertionException($"{what}: the CSMS did not answer it (OCPP-J: every CALL is answered)", [call]);
        }

        if (answer.MessageType != OcppMessageType.CallResult)
        {
            throw new TrafficAssertionException($"{what}: the CSMS answered with {answer.ErrorCode ?? answer.MessageType.ToString()}, expected a CALLRESULT with {path} {Describe(expected)}", [call, answer]);
        }

        var value = SessionTraffic.Text(answer.Payload, path);
        if (value is null || !expected.Contains(value, StringComparer.Ordinal))
        {
            throw new TrafficAssertionException($"{what}: expected {path} {Describe(expected)}, got {(value is null ? "none" : value)}", [call, answer]);
        }
    }

    private static string Describe(IReadOnlyList<string> values) => values.Count == 1 ? values[0] : "one of " + string.Join(", ", values);

    private static List<string> Values(string values) =>
        [.. values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    // A CALL the station just sent may still wait for its answer: wait (up to the step timeout) until every CALL of the
    // action has an answer, then judge what arrived.
    private async Task<TrafficQuery> SettledAsync(string action)
    {
        int Answers(TrafficQuery q) =>
            q.Action(action).Received().Where(f => f.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError or OcppMessageType.CallResultError, "answers").Count;
        try
        {
            return await world.Simulator.WaitForAsync(q => Answers(q) >= q.Action(action).Sent().Calls().Count, $"the CSMS's answers to every {action}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            return world.Recorder.Query();
        }
    }
}

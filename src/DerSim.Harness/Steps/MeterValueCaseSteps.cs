using System.Globalization;
using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Harness.Target;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// CSMS-side checks of the meter-value cases (OCPP 2.x block J): the station reports readings in MeterValues and
/// TransactionEvent, and the CSMS must answer each of them in time, without a CALLERROR (J01.FR.18: MeterValuesRequest is
/// answered with MeterValuesResponse; J02.FR.19: TransactionEventRequest with TransactionEventResponse), with answers that
/// are valid and fit the request. A request the check needs that the station did not send is DerSim's failure, and says so.
/// </summary>
[Binding]
public sealed class MeterValueCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// The driver presents a token of the target declaration at the station before any EV plugs in, choosing no EVSE, and
    /// the CSMS accepts it: with the station's TxCtrlr.TxStartPoint Authorized the transaction starts at once, its
    /// TransactionEvent Started naming no EVSE (the EV that plugs in next names it). Fails when the CSMS refused the token.
    /// Example: <c>Given the driver presents the valid token at the station before choosing an EVSE</c>
    /// </summary>
    [Given("the driver presents {tokenRole} at the station before choosing an EVSE")]
    [When("the driver presents {tokenRole} at the station before choosing an EVSE")]
    public async Task PresentsBeforeEvse(TokenRole role)
    {
        var station = world.Simulator.Station();
        var token = TargetSteps.Token(world, scenario, role);
        if (!await world.Simulator.PresentTokenAtStationAsync(station, token.IdToken, token.EffectiveType).ConfigureAwait(false))
        {
            var authorize = world.Recorder.Query().Station(station.Id).Action("Authorize").Frames;
            throw new TrafficAssertionException($"expected the CSMS to accept {role.Describe()} (idTokenInfo.status Accepted) presented at the station", [.. authorize.TakeLast(2)]);
        }
    }

    /// <summary>
    /// Checks that the station sent at least so many CALLs of the action whose meter values carry every one of the reading
    /// contexts (comma-separated), and that the CSMS answered each of them with a CALLRESULT within the step timeout
    /// (J01.FR.18, J02.FR.19). Example: <c>Then the CSMS answered at least 3 "MeterValues" carrying "Sample.Clock" meter values</c>
    /// </summary>
    [Then("the CSMS answered at least {int} {string} carrying {string} meter values")]
    public Task AnsweredAtLeast(int count, string action, string contexts) =>
        CheckAnsweredAsync(count, action, null, null, contexts, signed: false);

    /// <summary>
    /// As <c>the CSMS answered at least {int} {string} carrying {string} meter values</c>, where every sampled value of those
    /// contexts is signed (signedMeterValue with signedMeterData; J01.FR.21, J02.FR.21): the CSMS must take signed readings
    /// as any other. Example: <c>Then the CSMS answered at least 3 "TransactionEvent" carrying signed "Sample.Clock" meter values</c>
    /// </summary>
    [Then("the CSMS answered at least {int} {string} carrying signed {string} meter values")]
    public Task AnsweredAtLeastSigned(int count, string action, string contexts) =>
        CheckAnsweredAsync(count, action, null, null, contexts, signed: true);

    /// <summary>
    /// Checks that the station sent a CALL of the action with a field value at a JSON path whose meter values carry every
    /// one of the reading contexts (comma-separated), and that the CSMS answered it with a CALLRESULT within the step
    /// timeout. Example: <c>Then the CSMS answered the station's "TransactionEvent" with "eventType" = "Ended" carrying "Sample.Clock, Transaction.End" meter values</c>
    /// </summary>
    [Then("the CSMS answered the station's {string} with {string} = {string} carrying {string} meter values")]
    public Task AnsweredThe(string action, string path, string value, string contexts) =>
        CheckAnsweredAsync(1, action, path, value, contexts, signed: false);

    /// <summary>
    /// As <c>the CSMS answered the station's {string} with {string} = {string} carrying {string} meter values</c>, where
    /// every sampled value of those contexts is signed (J01.FR.21, J02.FR.21).
    /// Example: <c>Then the CSMS answered the station's "TransactionEvent" with "eventType" = "Ended" carrying signed "Sample.Periodic" meter values</c>
    /// </summary>
    [Then("the CSMS answered the station's {string} with {string} = {string} carrying signed {string} meter values")]
    public Task AnsweredTheSigned(string action, string path, string value, string contexts) =>
        CheckAnsweredAsync(1, action, path, value, contexts, signed: true);

    /// <summary>
    /// Checks that the station sent a CALL of the action with a field value at a JSON path and without a second field (a
    /// TransactionEvent Started with no evse: the EVSE not known yet), and that the CSMS answered it with a CALLRESULT within
    /// the step timeout (J02.FR.19). Example: <c>Then the CSMS answered the station's "TransactionEvent" with "eventType" = "Started" and no "evse"</c>
    /// </summary>
    [Then("the CSMS answered the station's {string} with {string} = {string} and no {string}")]
    public Task AnsweredWithout(string action, string path, string value, string absent) =>
        CheckAnsweredAsync(1, action, path, value, "", signed: false, absent);

    /// <summary>
    /// Checks that every answer of the CSMS to a CALL of the action is valid against the OCPP schema of the connection's
    /// version (a CALLERROR is no answer of the action: <c>Then the CSMS answered no call with an error</c> checks those).
    /// Example: <c>Then the CSMS's answers to every "TransactionEvent" are valid against the OCPP schema</c>
    /// </summary>
    [Then("the CSMS's answers to every {string} are valid against the OCPP schema")]
    public async Task AnswersValid(string action)
    {
        var all = await SettledAsync(action).ConfigureAwait(false);
        var answers = all.Received().OfType(OcppMessageType.CallResult).Action(action).Frames;
        var bad = answers.Where(f => f.Violations.Count > 0).ToList();
        if (bad.Count > 0)
        {
            throw new TrafficAssertionException(
                $"{bad.Count} of the CSMS's {answers.Count} answers to {action} break the OCPP schema: {string.Join("; ", bad.SelectMany(f => f.Violations).Take(5))}",
                [.. bad.SelectMany(a => Pair(all, a))]);
        }
    }

    /// <summary>
    /// Checks that the CSMS answered every TransactionEvent that carried an idToken with the token's idTokenInfo (a
    /// status): OCPP 2.x TransactionEventResponse requires idTokenInfo when the request contained an idToken, as it is how
    /// the station learns whether the token may charge.
    /// Example: <c>Then the CSMS answered every "TransactionEvent" with an idToken with its idTokenInfo</c>
    /// </summary>
    [Then("the CSMS answered every {string} with an idToken with its idTokenInfo")]
    public async Task IdTokenInfoFits(string action)
    {
        var all = await SettledAsync(action).ConfigureAwait(false);
        var calls = all.Sent().Calls().Action(action).Frames;
        foreach (var call in calls)
        {
            if (all.AnswerTo(call) is not { MessageType: OcppMessageType.CallResult, Payload: { } payload } answer)
            {
                continue;
            }

            var asked = call.Payload is { } p && FrameFields.At(p, "idToken") is not null;
            if (asked && FrameFields.At(payload, "idTokenInfo.status") is null)
            {
                throw new TrafficAssertionException($"the CSMS answered a {action} that carried an idToken without its idTokenInfo (TransactionEventResponse: idTokenInfo is required when the request contained an idToken)", [call, answer]);
            }

        }
    }

    private async Task CheckAnsweredAsync(int count, string action, string? path, string? value, string contexts, bool signed, string? absent = null)
    {
        var wanted = contexts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var what = $"{action}{(path is null ? "" : $" with {path} = {value}")}"
            + (absent is null ? "" : $" and no {absent}")
            + (wanted.Length == 0 ? "" : $" carrying {(signed ? "signed " : "")}{string.Join(", ", wanted)} meter values");
        bool Fits(RecordedFrame call) =>
            call.Payload is { } p
            && (path is null || (FrameFields.At(p, path) is { } v && FrameFields.Matches(v, value!)))
            && (absent is null || FrameFields.At(p, absent) is null)
            && wanted.All(c => SampledValues(p).Any(s => Context(s) == c))
            && (!signed || SampledValues(p).Where(s => wanted.Contains(Context(s))).All(IsSigned));

        // The station sends them as simulated time passes; wait for them, then for the CSMS's answers.
        var enough = true;
        try
        {
            await world.Simulator.WaitForAsync(q => q.Sent().Calls().Action(action).Frames.Count(Fits) >= count, $"{count} {what} from the station").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // Too few: a CSMS that failed one of them may have held the rest up (a transaction message is retried), so its
            // answers are judged first.
            enough = false;
        }

        var all = await SettledAsync(action).ConfigureAwait(false);
        var calls = all.Sent().Calls().Action(action).Frames.Where(Fits).ToList();
        var limit = world.Simulator.WaitTimeout;
        var rule = action == "MeterValues" ? "J01.FR.18: a MeterValuesRequest is answered with a MeterValuesResponse" : $"J02.FR.19: a {action}Request is answered with a {action}Response";
        foreach (var call in calls)
        {
            switch (all.AnswerTo(call))
            {
                case null:
                    throw new TrafficAssertionException($"the CSMS left the station's {what} unanswered within {limit.TotalSeconds:0} s ({rule})", [call]);
                case { MessageType: not OcppMessageType.CallResult } error:
                    throw new TrafficAssertionException($"the CSMS answered the station's {what} with {error.ErrorCode ?? error.MessageType.ToString()} ({rule})", [call, error]);
                case { Latency: { } latency } late when latency > limit:
                    throw new TrafficAssertionException(string.Create(CultureInfo.InvariantCulture, $"the CSMS answered the station's {what} after {latency.TotalSeconds:0.#} s, beyond the {limit.TotalSeconds:0} s the station waits ({rule})"), [call, late]);
            }
        }

        if (!enough)
        {
            var sent = all.Sent().Calls().Action(action).Frames;
            throw new TrafficAssertionException($"DerSim's station sent {calls.Count} {what}, not the {count} the check needs (it sent {sent.Count} {action} in all): the case did not run", sent);
        }
    }

    private async Task<TrafficQuery> SettledAsync(string action)
    {
        int Answers(TrafficQuery q) => q.Received().Action(action).Where(f => f.MessageType is not OcppMessageType.Call, "answers").Count;
        try
        {
            return await world.Simulator.WaitForAsync(q => Answers(q) >= q.Sent().Calls().Action(action).Count, $"the CSMS's answers to every {action}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // Unanswered CALLs stay unanswered: the checks report what did arrive.
            return world.Recorder.Query();
        }
    }

    private static IEnumerable<RecordedFrame> Pair(TrafficQuery all, RecordedFrame answer) =>
        all.Station(answer.StationId).Sent().Calls().Frames.Where(c => c.MessageId == answer.MessageId).Append(answer);

    private static IEnumerable<JsonElement> SampledValues(JsonElement payload) =>
        payload.TryGetProperty("meterValue", out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray()
                .Where(v => v.TryGetProperty("sampledValue", out var s) && s.ValueKind == JsonValueKind.Array)
                .SelectMany(v => v.GetProperty("sampledValue").EnumerateArray())
            : [];

    // 2.x: a sampled value without a context is Sample.Periodic (SampledValueType.context's default).
    private static string Context(JsonElement sample) =>
        sample.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "Sample.Periodic";

    private static bool IsSigned(JsonElement sample) =>
        sample.TryGetProperty("signedMeterValue", out var s) && s.ValueKind == JsonValueKind.Object
        && s.TryGetProperty("signedMeterData", out var d) && d.ValueKind == JsonValueKind.String && d.GetString()!.Length > 0;
}

using DerSim.Harness.Drivers;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Engine;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The transaction cases (OCA block E, OCPP 2.0.1 E01–E10): what the EV and its driver do at the station besides
/// plugging in and presenting a token — park in and leave the bay, arrive not ready to charge, suspend and resume,
/// pull the cable out of the EV and plug it back — and the CSMS-side checks of the answers to the station's
/// transaction messages. The station starts and stops its transaction where its TxCtrlr.TxStartPoint / TxStopPoint
/// say (fix them with <c>Given the station's setting "TxCtrlr.TxStartPoint" is "…"</c>). The EV's steps read as a
/// Given (the state a case starts from) or a When (what the case does).
/// </summary>
[Binding]
public sealed class TransactionCaseSteps(ScenarioWorld world)
{
    /// <summary>
    /// An EV drives into the parking bay of an EVSE and the bay detector sees it; with TxStartPoint ParkingBayOccupancy
    /// the station starts its transaction (TransactionEvent Started, triggerReason EVDetected), otherwise it sends nothing.
    /// Example: <c>When the EV parks in the bay of EVSE 1</c>
    /// </summary>
    [Given("the EV parks in the bay of EVSE {int}")]
    [When("the EV parks in the bay of EVSE {int}")]
    public Task Park(int evseId) => OnSteppedAsync((s, ct) => s.ParkAsync(evseId, ct));

    /// <summary>
    /// The EV leaves the parking bay of an EVSE; with TxStopPoint ParkingBayOccupancy the transaction ends
    /// (triggerReason EVDeparted). Example: <c>When the EV leaves the bay of EVSE 1</c>
    /// </summary>
    [Given("the EV leaves the bay of EVSE {int}")]
    [When("the EV leaves the bay of EVSE {int}")]
    public Task LeaveBay(int evseId) => OnSteppedAsync((s, ct) => s.LeaveBayAsync(evseId, ct));

    /// <summary>
    /// The profile's default EV (at 20%, wanting 80%) plugs into an EVSE but is not ready to take energy: once the
    /// transaction lets energy flow, the station reports chargingState SuspendedEV until the EV resumes.
    /// Example: <c>When an EV that is not ready to charge plugs into EVSE 1</c>
    /// </summary>
    [Given("an EV that is not ready to charge plugs into EVSE {int}")]
    [When("an EV that is not ready to charge plugs into EVSE {int}")]
    public Task PlugInNotReady(int evseId) =>
        world.Simulator.PlugInAsync(world.Simulator.Station(), evseId, new EvArrival(null, StateSteps.ArrivalSocPercent, EvSteps.DefaultTargetSocPercent) { NotReady = true });

    /// <summary>
    /// The EV on an EVSE stops taking energy on its own side (chargingState SuspendedEV, reported at once); with
    /// TxStopPoint EnergyTransfer that ends the transaction (stoppedReason StoppedByEV).
    /// Example: <c>When the EV on EVSE 1 suspends charging</c>
    /// </summary>
    [Given("the EV on EVSE {int} suspends charging")]
    [When("the EV on EVSE {int} suspends charging")]
    public Task Suspend(int evseId) => OnSteppedAsync((s, ct) => s.SetEvPausedAsync(evseId, paused: true, ct));

    /// <summary>The EV on an EVSE takes energy again after it suspended. Example: <c>When the EV on EVSE 1 resumes charging</c></summary>
    [Given("the EV on EVSE {int} resumes charging")]
    [When("the EV on EVSE {int} resumes charging")]
    public Task Resume(int evseId) => OnSteppedAsync((s, ct) => s.SetEvPausedAsync(evseId, paused: false, ct));

    /// <summary>
    /// The cable is pulled out of the EV while it stays in the station's connector (OCPP 2.0.1 E10): with
    /// TxCtrlr.StopTxOnEVSideDisconnect true the transaction ends (EVCommunicationLost, stoppedReason EVDisconnected),
    /// with false it goes on suspended (Updated, EVCommunicationLost, Idle) until the cable goes back in.
    /// Example: <c>When the cable is pulled out of the EV on EVSE 1</c>
    /// </summary>
    [Given("the cable is pulled out of the EV on EVSE {int}")]
    [When("the cable is pulled out of the EV on EVSE {int}")]
    public Task PullAtEv(int evseId) => OnSteppedAsync((s, ct) => s.DisconnectAtEvAsync(evseId, ct));

    /// <summary>
    /// The cable pulled out of the EV goes back in: the suspended transaction reports CablePluggedIn and energy flows
    /// again. Example: <c>When the cable is plugged back into the EV on EVSE 1</c>
    /// </summary>
    [Given("the cable is plugged back into the EV on EVSE {int}")]
    [When("the cable is plugged back into the EV on EVSE {int}")]
    public Task PlugBackAtEv(int evseId) =>
        world.Simulator.PlugInAsync(world.Simulator.Station(), evseId, new EvArrival(null, StateSteps.ArrivalSocPercent, EvSteps.DefaultTargetSocPercent));

    /// <summary>
    /// Checks that the station sent at least one CALL of the action with that field value (waiting up to the step
    /// timeout for it) and that the CSMS answered every such CALL with a CALLRESULT within the step timeout: a
    /// TransactionEvent cannot be refused, only answered (OCPP 2.0.1 E01–E06). Fails quoting a CALL answered with a
    /// CALLERROR or left unanswered. Example: <c>Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "CablePluggedIn"</c>
    /// </summary>
    [Then("the CSMS answered the {string} whose {string} is {string}")]
    public Task AnsweredWhose(string action, string path, string value) => AnsweredCountWhose(1, action, path, value);

    /// <summary>
    /// As the step above, for at least that many such CALLs: e.g. two transactions, each starting again from seqNo 0
    /// (OCPP 2.0.1 E01.FR.07). Example: <c>Then the CSMS answered 2 "TransactionEvent" whose "seqNo" is "0"</c>
    /// </summary>
    [Then("the CSMS answered {int} {string} whose {string} is {string}")]
    public async Task AnsweredCountWhose(int count, string action, string path, string value)
    {
        var what = $"{action} whose {path} is {value}";
        TrafficQuery query;
        try
        {
            query = await world.Simulator.WaitForAsync(q => q.Sent().Calls().Action(action).With(path, value).Count >= count, $"{count} {what} from the station").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            var recorded = world.Recorder.Query();
            var sent = recorded.Sent().Calls().Action(action);
            var refused = sent.Frames.Where(c => recorded.AnswerTo(c) is not { MessageType: OcppMessageType.CallResult }).ToList();
            if (refused.Count > 0)
            {
                // The station got no further because the CSMS did not answer what came before: that is the CSMS's fault.
                var frames = refused.SelectMany(c => recorded.AnswerTo(c) is { } a ? new[] { c, a } : [c]).ToList();
                throw new TrafficAssertionException(
                    $"rule: the CSMS answers every {action} with a CALLRESULT in time; it answered {refused.Count} otherwise ({string.Join("; ", refused.Select(c => $"{c.MessageId}: {recorded.AnswerTo(c)?.ErrorCode ?? "no answer"}"))}), so the station sent no {what}",
                    frames);
            }

            throw new TrafficAssertionException($"the station sent {sent.With(path, value).Count} {what}, not the {count} the case needs: the case could not be run to its check", sent.Frames);
        }

        var calls = query.Sent().Calls().Action(action).With(path, value).Frames;
        var settled = await SettledAsync(calls).ConfigureAwait(false);
        var bad = new List<RecordedFrame>();
        var problems = new List<string>();
        foreach (var call in calls)
        {
            var answer = settled.AnswerTo(call);
            if (answer is null)
            {
                problems.Add($"{call.MessageId} unanswered within {world.Simulator.WaitTimeout.TotalSeconds:0} s");
                bad.Add(call);
            }
            else if (answer.MessageType != OcppMessageType.CallResult)
            {
                problems.Add($"{call.MessageId} answered with {answer.ErrorCode ?? answer.MessageType.ToString()}");
                bad.AddRange([call, answer]);
            }
        }

        if (problems.Count > 0)
        {
            throw new TrafficAssertionException($"rule: the CSMS answers every {action} with a CALLRESULT in time; it did not for the {what}: {string.Join("; ", problems)}", bad);
        }
    }

    /// <summary>
    /// Checks the CSMS's answer to every CALL of the action whose payload has the field (e.g. every TransactionEvent
    /// carrying an idToken: the CSMS checks the token and answers idTokenInfo with its status, OCPP 2.0.1
    /// E01.FR.11/.12, E03): each answer must be a CALLRESULT with that value at the path. Fails when the station sent
    /// no such CALL, quoting the offending CALLs and answers.
    /// Example: <c>Then the CSMS answered every "TransactionEvent" carrying "idToken" with "idTokenInfo.status" = "Accepted"</c>
    /// </summary>
    [Then("the CSMS answered every {string} carrying {string} with {string} = {string}")]
    public Task AnsweredEveryCarrying(string action, string field, string path, string value) =>
        CheckCarryingAsync(action, field, path, [value], lastOnly: false);

    /// <summary>
    /// Checks the CSMS's answer to the last CALL of the action whose payload has the field: a CALLRESULT whose value at
    /// the path is one of a comma-separated list (e.g. a refused token: Invalid or Unknown, OCPP 2.0.1 E05).
    /// Example: <c>Then the CSMS answered the last "TransactionEvent" carrying "idToken" with "idTokenInfo.status" one of "Invalid, Unknown"</c>
    /// </summary>
    [Then("the CSMS answered the last {string} carrying {string} with {string} one of {string}")]
    public Task AnsweredLastCarryingOneOf(string action, string field, string path, string values) =>
        CheckCarryingAsync(action, field, path, [.. values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], lastOnly: true);

    private async Task CheckCarryingAsync(string action, string field, string path, IReadOnlyList<string> allowed, bool lastOnly)
    {
        var expected = allowed.Count == 1 ? $"{path} = {allowed[0]}" : $"{path} one of {string.Join(", ", allowed)}";
        var rule = $"rule: the CSMS answers {(lastOnly ? "the last" : "every")} {action} carrying {field} with {expected}";
        var carrying = world.Recorder.Query().Sent().Calls().Action(action).Where(f => f.Payload is { } p && FrameFields.At(p, field) is not null, $"carrying {field}").Frames;
        if (carrying.Count == 0)
        {
            throw new TrafficAssertionException($"{rule}; but the station sent no {action} carrying {field}: the case could not be run to its check", world.Recorder.Query().Sent().Calls().Action(action).Frames);
        }

        var calls = lastOnly ? [carrying[^1]] : carrying;
        var settled = await SettledAsync(calls).ConfigureAwait(false);
        var bad = new List<RecordedFrame>();
        var problems = new List<string>();
        foreach (var call in calls)
        {
            var answer = settled.AnswerTo(call);
            var got = answer is null ? "no answer"
                : answer.MessageType != OcppMessageType.CallResult ? answer.ErrorCode ?? answer.MessageType.ToString()
                : answer.Payload is { } p && FrameFields.At(p, path) is { } v ? FrameFields.Text(v)
                : $"no {path}";
            if (answer is null || answer.MessageType != OcppMessageType.CallResult || !allowed.Contains(got, StringComparer.Ordinal))
            {
                problems.Add($"{call.MessageId}: {got}");
                bad.Add(call);
                if (answer is not null)
                {
                    bad.Add(answer);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new TrafficAssertionException($"{rule}; {problems.Count} of {calls.Count} answered otherwise ({string.Join("; ", problems)})", bad);
        }
    }

    // Waits (up to the step timeout) until each of the calls has its answer; returns what was recorded by then.
    private async Task<TrafficQuery> SettledAsync(IReadOnlyList<RecordedFrame> calls)
    {
        try
        {
            return await world.Simulator.WaitForAsync(q => calls.All(c => q.AnswerTo(c) is not null), "the CSMS's answers").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // An unanswered call stays unanswered: the check reports what did arrive.
            return world.Recorder.Query();
        }
    }

    private async Task OnSteppedAsync(Func<SteppedSessions, CancellationToken, Task> step)
    {
        var simulator = world.Simulator;
        var runner = await simulator.BootedAsync(simulator.Station()).ConfigureAwait(false);
        await step(runner.Engine.SteppedSessions, CancellationToken.None).WaitAsync(simulator.WaitTimeout).ConfigureAwait(false);
    }
}

using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Steps;

/// <summary>Assertions on the OCPP traffic recorded in the scenario.</summary>
[Binding]
public sealed class TrafficSteps(ScenarioWorld world)
{
    /// <summary>
    /// Checks that the station sent at least one CALL of the action.
    /// Example: <c>Then the station sent a "StatusNotification"</c>
    /// </summary>
    [Then("the station sent a/an {string}")]
    public void Sent(string action) => world.Recorder.Query().Sent().Calls().Action(action).ShouldExist();

    /// <summary>
    /// Checks that the station sent no CALL of the action.
    /// Example: <c>Then the station sent no "SecurityEventNotification"</c>
    /// </summary>
    [Then("the station sent no {string}")]
    public void NotSent(string action) => world.Recorder.Query().Sent().Calls().Action(action).ShouldBeAbsent();

    /// <summary>
    /// Checks a field of a CALL the station sent, by JSON path inside the payload; some CALL of the action must have it.
    /// Example: <c>Then the station sent a "TransactionEvent" with "transactionInfo.chargingState" = "Charging"</c>
    /// </summary>
    [Then("the station sent a/an {string} with {string} = {string}")]
    public void SentWith(string action, string path, string value)
    {
        var calls = world.Recorder.Query().Sent().Calls().Action(action);
        if (calls.With(path, value).Count == 0)
        {
            throw new TrafficAssertionException($"expected a {action} with {path} = {value}; the {calls.Count} sent have other values", calls.Frames);
        }
    }

    /// <summary>
    /// Checks every sample of a measurand (the total, not per phase) that the station reported for an EVSE in
    /// MeterValues, TransactionEvent or StopTransaction against an upper bound in kW (the value's unit is honoured).
    /// Fails when there is no sample at all. Example: <c>Then every MeterValues "Power.Active.Import" on EVSE 1 is at most 50 kW</c>
    /// </summary>
    [Then("every MeterValues {string} on EVSE {int} is at most {float} kW")]
    public void EverySampleAtMost(string measurand, int evseId, float kw)
    {
        var samples = world.Recorder.Query().Samples(measurand, evseId);
        if (samples.Count == 0)
        {
            throw new TrafficAssertionException($"no {measurand} sample on EVSE {evseId} was reported", world.Recorder.Query().Sent().Calls().Frames);
        }

        var limit = (decimal)kw * 1000;
        var over = samples.Where(s => s.Value > limit).ToList();
        if (over.Count > 0)
        {
            var worst = over.Max(s => s.Value) / 1000;
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"{over.Count} of {samples.Count} {measurand} samples on EVSE {evseId} exceed {kw} kW (highest {worst} kW)"),
                [.. over.Select(s => s.Frame).Distinct()]);
        }
    }

    /// <summary>
    /// Checks that the highest sample of a measurand (the total) the station reported for an EVSE reached a level in kW:
    /// proof that energy really flowed, next to upper bounds. Example: <c>Then the highest MeterValues "Power.Active.Import" on EVSE 1 is at least 100 kW</c>
    /// </summary>
    [Then("the highest MeterValues {string} on EVSE {int} is at least {float} kW")]
    public void HighestSampleAtLeast(string measurand, int evseId, float kw)
    {
        var samples = world.Recorder.Query().Samples(measurand, evseId);
        var highest = samples.Count == 0 ? (decimal?)null : samples.Max(s => s.Value);
        if (highest is null || highest < (decimal)kw * 1000)
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"expected a {measurand} sample on EVSE {evseId} of at least {kw} kW; {(highest is null ? "there was none" : $"the highest of {samples.Count} was {highest / 1000} kW")}"),
                [.. samples.Select(s => s.Frame).Distinct()]);
        }
    }

    /// <summary>
    /// Checks that every frame recorded so far, both ways, was valid against the OCPP JSON schema of its version (a
    /// CALLERROR is a valid frame: <c>Then the CSMS answered no call with an error</c> checks those).
    /// Example: <c>Then every frame is valid against the OCPP schema</c>
    /// </summary>
    [Then("every frame is valid against the OCPP schema")]
    public void AllValid()
    {
        var bad = world.Recorder.Query().Where(f => f.Violations.Count > 0, "invalid").Frames;
        if (bad.Count > 0)
        {
            throw new TrafficAssertionException(
                $"{bad.Count} frame(s) broke the OCPP schema: {string.Join("; ", bad.SelectMany(f => f.Violations).Take(5))}", bad);
        }
    }

    /// <summary>
    /// Checks that the CSMS answered none of the stations' CALLs with a CALLERROR (or 2.1 CALLRESULTERROR); the
    /// message names each error code and the CALL it answered.
    /// Example: <c>Then the CSMS answered no call with an error</c>
    /// </summary>
    [Then("the CSMS answered no call with an error")]
    public async Task NoCallErrors()
    {
        var all = await AnswersSettledAsync(null).ConfigureAwait(false);
        var errors = all.Received().Where(f => f.MessageType is Ocpp.Rpc.OcppMessageType.CallError or Ocpp.Rpc.OcppMessageType.CallResultError, "CALLERROR").Frames;
        if (errors.Count > 0)
        {
            var calls = all.Sent().Calls().Frames;
            var pairs = errors.Select(e => (Error: e, Call: calls.FirstOrDefault(c => c.StationId == e.StationId && c.MessageId == e.MessageId))).ToList();
            throw new TrafficAssertionException(
                $"the CSMS answered {errors.Count} call(s) with an error: {string.Join("; ", pairs.Select(p => $"{p.Error.ErrorCode} to {p.Call?.Action ?? p.Error.Action ?? "an unknown call"} {p.Error.MessageId} of {p.Error.StationId}"))}",
                [.. pairs.SelectMany(p => p.Call is null ? new[] { p.Error } : [p.Call, p.Error]).OrderBy(f => f.Sequence)]);
        }
    }

    /// <summary>
    /// Checks that the CSMS answered every CALL the stations sent, with a CALLRESULT or a CALLERROR carrying its message
    /// id, within the step timeout (OCPP-J: every CALL is answered); the message names each CALL left unanswered.
    /// Example: <c>Then the CSMS answered every call</c>
    /// </summary>
    [Then("the CSMS answered every call")]
    public async Task EveryCallAnswered()
    {
        var all = await AnswersSettledAsync(null).ConfigureAwait(false);
        var answered = all.Received()
            .Where(f => f.MessageType is Ocpp.Rpc.OcppMessageType.CallResult or Ocpp.Rpc.OcppMessageType.CallError or Ocpp.Rpc.OcppMessageType.CallResultError, "answers")
            .Frames.Select(f => (f.StationId, f.MessageId)).ToHashSet();
        var open = all.Sent().OfType(Ocpp.Rpc.OcppMessageType.Call).Frames.Where(c => !answered.Contains((c.StationId, c.MessageId))).ToList();
        if (open.Count > 0)
        {
            throw new TrafficAssertionException(
                $"the CSMS left {open.Count} call(s) unanswered within {world.Simulator.WaitTimeout.TotalSeconds:0} s: {string.Join("; ", open.Select(c => $"{c.Action} {c.MessageId} of {c.StationId}"))}",
                open);
        }
    }

    /// <summary>
    /// Checks the CSMS's answers that accepted a BootNotification: each gives a heartbeat interval above 0 s and its
    /// current time, within 60 s (<see cref="ClockTolerance"/>) of when DerSim received it (1.6 BootNotification.conf and
    /// 2.x BootNotificationResponse: interval and currentTime are required; a station takes both from this answer).
    /// Example: <c>Then the CSMS's accepted boot answer gives a heartbeat interval and its current time</c>
    /// </summary>
    [Then("the CSMS's accepted boot answer gives a heartbeat interval and its current time")]
    public async Task BootAnswerGivesIntervalAndTime()
    {
        var answers = (await AnswersSettledAsync("BootNotification").ConfigureAwait(false))
            .Received().OfType(Ocpp.Rpc.OcppMessageType.CallResult).Action("BootNotification").With("status", "Accepted");
        answers.ShouldExist();
        foreach (var answer in answers.Frames)
        {
            var payload = answer.Payload!.Value;
            if (FrameFields.At(payload, "interval") is not { ValueKind: System.Text.Json.JsonValueKind.Number } interval || interval.GetDecimal() <= 0)
            {
                throw new TrafficAssertionException($"the CSMS accepted the boot of {answer.StationId} without a heartbeat interval above 0 s (interval: {(FrameFields.At(payload, "interval") is { } i ? FrameFields.Text(i) : "missing")})", [answer]);
            }

            var time = FrameFields.At(payload, "currentTime") is { ValueKind: System.Text.Json.JsonValueKind.String } t
                && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateTimeOffset?)null;
            var off = time is { } at ? (at - answer.WallTime).Duration() : (TimeSpan?)null;
            if (off is not { } offset || offset > ClockTolerance)
            {
                throw new TrafficAssertionException(
                    $"the CSMS's currentTime in its boot answer to {answer.StationId} is {(off is { } o ? $"{o.TotalSeconds:0} s off the time DerSim received it" : "missing or no date-time")} (tolerance {ClockTolerance.TotalSeconds:0} s)",
                    [answer]);
            }
        }
    }

    /// <summary>How far a CSMS's currentTime may be from the wall clock when DerSim receives it: 60 s.</summary>
    public static TimeSpan ClockTolerance { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Checks how many CALLs of the action the station sent so far, exactly.
    /// Example: <c>Then the station sent 2 "StatusNotification"</c>
    /// </summary>
    [Then("the station sent {int} {string}")]
    public void SentCount(int count, string action) => world.Recorder.Query().Sent().Calls().Action(action).ShouldCount(count);

    /// <summary>
    /// Checks that the station sent at least so many CALLs of the action.
    /// Example: <c>Then the station sent at least 3 "Heartbeat"</c>
    /// </summary>
    [Then("the station sent at least {int} {string}")]
    public void SentAtLeast(int count, string action)
    {
        var calls = world.Recorder.Query().Sent().Calls().Action(action);
        if (calls.Count < count)
        {
            throw new TrafficAssertionException($"expected at least {count} {action} from the station, found {calls.Count}", world.Recorder.Query().Sent().Calls().Frames);
        }
    }

    /// <summary>
    /// Waits (in real time, up to the step timeout) until the station sends a CALL of the action with a field value
    /// at a JSON path, after the scenario's last CSMS action (from the start when there was none): what the station
    /// sent before, at boot say, does not count. Example: <c>Then the station soon sends a "TransactionEvent" with "transactionInfo.chargingState" = "SuspendedEVSE"</c>
    /// </summary>
    [Then("the station soon sends a/an {string} with {string} = {string}")]
    public Task SoonSendsWith(string action, string path, string value)
    {
        var (mark, since) = SinceLastCsmsAction();
        return world.Simulator.WaitForAsync(q => q.Sent().Calls().Action(action).With(path, value).Where(f => f.Sequence > mark, since).Count > 0, $"a {action} with {path} = {value} from the station {since}");
    }

    /// <summary>
    /// Waits (in real time, up to the step timeout) until the station sends a CALL of the action after the scenario's
    /// last CSMS action (from the start when there was none): a StatusNotification of the boot does not answer a
    /// TriggerMessage. Example: <c>Then the station soon sends a "StatusNotification"</c>
    /// </summary>
    [Then("the station soon sends a/an {string}")]
    public Task SoonSends(string action)
    {
        var (mark, since) = SinceLastCsmsAction();
        return world.Simulator.WaitForAsync(q => q.Sent().Calls().Action(action).Where(f => f.Sequence > mark, since).Count > 0, $"a {action} from the station {since}");
    }

    private (long Mark, string Since) SinceLastCsmsAction() =>
        world.CsmsExchanges.Count > 0 && world.CsmsExchanges[^1].Call is var call
            ? (call.Sequence, $"after the CSMS's {call.Action}")
            : (0, "in this scenario");

    /// <summary>
    /// Checks that the station received at least one CALL of the action from the CSMS.
    /// Example: <c>Then the station received a "SetChargingProfile"</c>
    /// </summary>
    [Then("the station received a/an {string}")]
    public void Received(string action) => world.Recorder.Query().Received().Calls().Action(action).ShouldExist();

    /// <summary>
    /// Checks that the CSMS sent the station no CALL of the action.
    /// Example: <c>Then the station received no "Reset"</c>
    /// </summary>
    [Then("the station received no {string}")]
    public void NotReceived(string action) => world.Recorder.Query().Received().Calls().Action(action).ShouldBeAbsent();

    /// <summary>
    /// Checks a field of a CALL the CSMS sent, by JSON path inside the payload; some CALL of the action must have it.
    /// Example: <c>Then the station received a "SetChargingProfile" with "chargingProfile.chargingProfilePurpose" = "TxProfile"</c>
    /// </summary>
    [Then("the station received a/an {string} with {string} = {string}")]
    public void ReceivedWith(string action, string path, string value)
    {
        var calls = world.Recorder.Query().Received().Calls().Action(action);
        if (calls.With(path, value).Count == 0)
        {
            throw new TrafficAssertionException($"expected a {action} from the CSMS with {path} = {value}; the {calls.Count} received have other values", calls.Frames);
        }
    }

    /// <summary>
    /// Checks a field of the CSMS's answers (CALLRESULT) to the station's CALLs of the action, by JSON path; some answer
    /// must have it. Example: <c>Then the CSMS answered a "BootNotification" with "status" = "Accepted"</c>
    /// </summary>
    [Then("the CSMS answered a/an {string} with {string} = {string}")]
    public async Task CsmsAnsweredWith(string action, string path, string value)
    {
        var answers = (await AnswersSettledAsync(action).ConfigureAwait(false)).Received().OfType(Ocpp.Rpc.OcppMessageType.CallResult).Action(action);
        if (answers.With(path, value).Count == 0)
        {
            throw new TrafficAssertionException($"expected the CSMS to answer a {action} with {path} = {value}; its {answers.Count} answers have other values", answers.Frames);
        }
    }

    /// <summary>
    /// Checks that the CSMS gave no answer to the station's CALLs of the action with that field value.
    /// Example: <c>Then the CSMS answered no "BootNotification" with "status" = "Accepted"</c>
    /// </summary>
    [Then("the CSMS answered no {string} with {string} = {string}")]
    public async Task CsmsAnsweredNoneWith(string action, string path, string value) =>
        (await AnswersSettledAsync(action).ConfigureAwait(false)).Received().OfType(Ocpp.Rpc.OcppMessageType.CallResult).Action(action).With(path, value).ShouldBeAbsent();

    // A CALL the station just sent may still wait for its answer when the step looks: the answer is part of what the
    // step checks, so wait (up to the step timeout) until the CSMS has answered every such CALL (of the action, or all
    // when null), then judge.
    private async Task<TrafficQuery> AnswersSettledAsync(string? action)
    {
        TrafficQuery Of(TrafficQuery q) => action is null ? q : q.Action(action);
        int Answers(TrafficQuery q) =>
            Of(q.Received().Where(f => f.MessageType is Ocpp.Rpc.OcppMessageType.CallResult or Ocpp.Rpc.OcppMessageType.CallError or Ocpp.Rpc.OcppMessageType.CallResultError, "answers")).Count;
        try
        {
            return await world.Simulator.WaitForAsync(q => Answers(q) >= Of(q.Sent().OfType(Ocpp.Rpc.OcppMessageType.Call)).Count, $"the CSMS's answers to every {action ?? "call"}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // Unanswered CALLs stay unanswered: the check below reports what did arrive.
            return world.Recorder.Query();
        }
    }

    /// <summary>
    /// Waits (in real time, up to the step timeout) until the station has sent at least so many CALLs of the action.
    /// Example: <c>Then the station soon has sent 2 "BootNotification"</c>
    /// </summary>
    [Then("the station soon has sent {int} {string}")]
    public Task SoonSentCount(int count, string action) =>
        world.Simulator.WaitForAsync(q => q.Sent().Calls().Action(action).Count >= count, $"{count} {action} from the station");
}

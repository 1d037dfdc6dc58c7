using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>Finding a CSMS-initiated exchange, and the facts CSMS actions need, in a scenario's recorded traffic.</summary>
public static class CsmsTraffic
{
    /// <summary>
    /// Waits until the station received, after frame <paramref name="afterSequence"/>, the CALL <paramref name="command"/>
    /// asked for (its action with the fields the step asked for: type, purpose, EVSE, limit, message, …) and answered it;
    /// returns both frames. A CALL of the same action that does not carry those fields (the CSMS's own TriggerMessage
    /// on connect, a Soft reset for a Hard one) is not the requested one.
    /// </summary>
    /// <exception cref="TrafficAssertionException">
    /// Not within <paramref name="timeout"/>; names what arrived instead and quotes the station's traffic since the mark.
    /// </exception>
    public static async Task<CsmsExchange> AwaitExchangeAsync(TrafficRecorder recorder, CsmsCommand command, long afterSequence, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(command);
        var action = command.OcppAction ?? throw new CsmsActionNotApplicableException($"OCPP {command.Version} has no {command.Kind}");
        var expected = CsmsCommandFields.Expected(command);
        var stationId = command.StationId;
        using var watch = new RecordingWatch(recorder);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (Find(recorder.Query(), stationId, action, afterSequence, expected) is { } exchange)
            {
                return exchange;
            }

            try
            {
                await watch.ChangedAsync(TimeSpan.FromMilliseconds(200), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                var since = recorder.Query().Station(stationId).Where(f => f.Sequence > afterSequence, "since the request").Frames;
                var calls = CallsSince(recorder, stationId, action, afterSequence);
                var wanted = $"{action}{CsmsCommandFields.Describe(expected)}";
                var matching = calls.FirstOrDefault(f => CsmsCommandFields.Mismatch(expected, f.Payload) is null);
                var message = (calls.Count, matching) switch
                {
                    (0, _) => $"the CSMS sent no {wanted} to {stationId} within {timeout.TotalSeconds:0} s",
                    (_, null) => $"expected {wanted}, the CSMS sent {string.Join("; ", calls.Select(c => $"{action} with {CsmsCommandFields.Mismatch(expected, c.Payload)}").Distinct(StringComparer.Ordinal))} to {stationId} within {timeout.TotalSeconds:0} s",
                    _ => $"{stationId} did not answer the CSMS's {wanted} within {timeout.TotalSeconds:0} s",
                };
                throw new TrafficAssertionException(message, since);
            }
        }
    }

    /// <summary>The CALLs of <paramref name="action"/> the station received after frame <paramref name="afterSequence"/>, whatever they carry.</summary>
    public static IReadOnlyList<RecordedFrame> CallsSince(TrafficRecorder recorder, string stationId, string action, long afterSequence)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        return recorder.Query().Station(stationId).Received().Calls().Action(action).Where(f => f.Sequence > afterSequence, "since the request").Frames;
    }

    /// <summary>
    /// The first CALL of <paramref name="action"/> to the station after the mark that carries the <paramref name="expected"/>
    /// fields (all when none), with the station's answer, or null.
    /// </summary>
    public static CsmsExchange? Find(TrafficQuery query, string stationId, string action, long afterSequence, IReadOnlyList<(string Path, string Value)>? expected = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var frames = query.Station(stationId).Where(f => f.Sequence > afterSequence, "since the request").Frames;
        foreach (var call in frames.Where(f => f.Direction == FrameDirection.Inbound && f.MessageType == OcppMessageType.Call && f.Action == action
            && CsmsCommandFields.Mismatch(expected ?? [], f.Payload) is null))
        {
            var answer = frames.FirstOrDefault(f => f.Direction == FrameDirection.Outbound
                && f.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError
                && f.MessageId == call.MessageId);
            if (answer is not null)
            {
                return new CsmsExchange(call, answer);
            }
        }

        return null;
    }

    /// <summary>
    /// Waits until the CSMS answered a BootNotification of the station (any verdict): an external CSMS's API knows a
    /// station only once it connected and booted.
    /// </summary>
    public static async Task AwaitBootAnsweredAsync(TrafficRecorder recorder, string stationId, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (recorder.Query().Station(stationId).Received().OfType(OcppMessageType.CallResult).Action("BootNotification").Count == 0)
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TrafficAssertionException($"{stationId} got no answer to BootNotification within {timeout.TotalSeconds:0} s", recorder.Query().Station(stationId).Frames);
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The last sequence number recorded so far (0 for none): a mark for "after this".</summary>
    public static long Mark(TrafficRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var frames = recorder.Frames;
        return frames.Count == 0 ? 0 : frames[^1].Sequence;
    }

    /// <summary>
    /// The station's transaction starts the CSMS has answered with a CALLRESULT, oldest first: 1.6 StartTransaction,
    /// 2.x TransactionEvent Started. A start still waiting for its answer is left out: until the CSMS answered, it may
    /// not know the transaction, and a command about it would race its own bookkeeping.
    /// </summary>
    public static IReadOnlyList<(RecordedFrame Start, RecordedFrame Answer)> AnsweredStarts(TrafficQuery query, string stationId, Ocpp.OcppVersion version)
    {
        ArgumentNullException.ThrowIfNull(query);
        var station = query.Station(stationId);
        var calls = station.Sent().Calls();
        var starts = version == Ocpp.OcppVersion.V16
            ? calls.Action("StartTransaction")
            : calls.Action("TransactionEvent").With("eventType", "Started");
        var answers = station.Received().OfType(OcppMessageType.CallResult).Frames.DistinctBy(a => a.MessageId).ToDictionary(a => a.MessageId ?? "", StringComparer.Ordinal);
        return [.. starts.Frames.Where(s => answers.ContainsKey(s.MessageId ?? "")).Select(s => (s, answers[s.MessageId ?? ""]))];
    }

    /// <summary>
    /// The id of the latest transaction the station started on <paramref name="evseId"/> and the CSMS answered: 1.6 the
    /// transactionId of the CSMS's StartTransaction answer, 2.x the transactionId of TransactionEvent Started once its
    /// CALLRESULT arrived; null when none.
    /// </summary>
    public static string? TransactionIdOn(TrafficQuery query, string stationId, Ocpp.OcppVersion version, int evseId)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = version == Ocpp.OcppVersion.V16 ? "transactionId" : "transactionInfo.transactionId";
        return AnsweredStarts(query, stationId, version)
            .Where(s => s.Start.EvseId == evseId)
            .Select(s => (version == Ocpp.OcppVersion.V16 ? s.Answer : s.Start).Payload is { } p && FrameFields.At(p, path) is { } id ? FrameFields.Text(id) : null)
            .LastOrDefault(id => id is not null);
    }
}

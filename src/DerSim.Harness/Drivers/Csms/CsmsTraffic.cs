using DerSim.Harness.Traffic;
using DerSim.Sim.Ocpp.Rpc;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>Finding a CSMS-initiated exchange, and the facts CSMS actions need, in a scenario's recorded traffic.</summary>
public static class CsmsTraffic
{
    /// <summary>
    /// Waits until the station received a CALL of <paramref name="action"/> recorded after frame
    /// <paramref name="afterSequence"/> and answered it; returns both frames.
    /// </summary>
    /// <exception cref="TrafficAssertionException">Not within <paramref name="timeout"/>; quotes the station's traffic since the mark.</exception>
    public static async Task<CsmsExchange> AwaitExchangeAsync(TrafficRecorder recorder, string stationId, string action, long afterSequence, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        using var changed = new SemaphoreSlim(0);
        void OnRecorded(RecordedFrame frame)
        {
            try
            {
                changed.Release();
            }
            catch (ObjectDisposedException)
            {
                // A station recorded a frame while this wait was ending: nobody listens any more.
            }
        }

        recorder.Recorded += OnRecorded;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(timeout);
            while (true)
            {
                if (Find(recorder.Query(), stationId, action, afterSequence) is { } exchange)
                {
                    return exchange;
                }

                try
                {
                    await changed.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    var since = recorder.Query().Station(stationId).Where(f => f.Sequence > afterSequence, "since the request").Frames;
                    var call = since.FirstOrDefault(f => f.Direction == FrameDirection.Inbound && f.MessageType == OcppMessageType.Call && f.Action == action);
                    throw new TrafficAssertionException(
                        call is null
                            ? $"the CSMS sent no {action} to {stationId} within {timeout.TotalSeconds:0} s"
                            : $"{stationId} did not answer the CSMS's {action} within {timeout.TotalSeconds:0} s",
                        since);
                }
            }
        }
        finally
        {
            recorder.Recorded -= OnRecorded;
        }
    }

    /// <summary>The first CALL of <paramref name="action"/> to the station after the mark, with the station's answer, or null.</summary>
    public static CsmsExchange? Find(TrafficQuery query, string stationId, string action, long afterSequence)
    {
        ArgumentNullException.ThrowIfNull(query);
        var frames = query.Station(stationId).Where(f => f.Sequence > afterSequence, "since the request").Frames;
        foreach (var call in frames.Where(f => f.Direction == FrameDirection.Inbound && f.MessageType == OcppMessageType.Call && f.Action == action))
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
    /// The id of the latest transaction the station started on <paramref name="evseId"/>: 1.6 the transactionId the
    /// CSMS answered to StartTransaction, 2.x the transactionId of TransactionEvent Started; null when none.
    /// </summary>
    public static string? TransactionIdOn(TrafficQuery query, string stationId, Sim.Ocpp.OcppVersion version, int evseId)
    {
        ArgumentNullException.ThrowIfNull(query);
        var station = query.Station(stationId);
        if (version == Sim.Ocpp.OcppVersion.V16)
        {
            var starts = station.Sent().Calls().Action("StartTransaction").Evse(evseId).Frames;
            var answers = station.Received().OfType(OcppMessageType.CallResult).Action("StartTransaction").Frames;
            return starts.Reverse()
                .Select(s => answers.FirstOrDefault(a => a.MessageId == s.MessageId))
                .Select(a => a?.Payload is { } p && FrameFields.At(p, "transactionId") is { } id ? FrameFields.Text(id) : null)
                .FirstOrDefault(id => id is not null);
        }

        var started = station.Sent().Calls().Action("TransactionEvent").With("eventType", "Started").Evse(evseId).Frames;
        return started.Count > 0 && started[^1].Payload is { } payload && FrameFields.At(payload, "transactionInfo.transactionId") is { } tx
            ? FrameFields.Text(tx)
            : null;
    }
}

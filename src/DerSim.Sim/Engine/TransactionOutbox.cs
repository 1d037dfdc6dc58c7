using System.Globalization;
using System.Text.Json;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Engine;

/// <summary>
/// The station's way out for engine messages, across connections. Online with nothing queued, a message is sent and
/// its answer awaited as usual. Transaction messages made while offline — or while earlier ones still wait — are kept
/// in order and delivered, one at a time, once a connection is up again (after its boot), as OCPP requires of
/// transaction-related messages. A transaction message the CSMS fails to process (CALLERROR, no answer in time, an
/// invalid answer) is sent again per <see cref="TransactionMessageRetry"/>, ahead of later ones, and given up — with a
/// log line — only after the last attempt. Status reports made offline are dropped, and one the CSMS fails to process
/// is logged, not retried (the next report supersedes it); requests fail.
/// <para>
/// Every transaction message gets its message id when it is made; one that was on the wire when the connection dropped
/// (or the station reset) is sent again after the reconnect with that same id and the same payload, so the CSMS can
/// tell the duplicate. The queue is ordered by when the messages were made, bounded by <see cref="Capacity"/> (when
/// full the oldest periodic meter sample goes, never a start or a stop), and with <see cref="UseStateFile"/> kept in a
/// file, so a crash or restart loses nothing.
/// </para>
/// </summary>
public sealed class TransactionOutbox
{
    /// <summary>The most messages kept: about a week offline at a 60 s sample interval for a one-EVSE station.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<QueuedCall> _queue = new();
    private readonly HashSet<QueuedCall> _direct = [];
    private long _nextSeq;
    private readonly string _idPrefix = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
    private long _lastId;
    private int _provisional;
    private OutboxStateFile? _file;
    private bool _saveFailed;
    private readonly Action<string> _log;
    private readonly TimeProvider _time;
    private readonly Func<TransactionMessageRetry> _retry;
    private OcppRpcPeer? _peer;
    private bool _draining;
    private int _givenUp;
    private int _notSent;

    /// <summary>An outbox, offline until <see cref="Online"/>.</summary>
    /// <param name="log">Where it tells what it queues, retries and gives up. The default value discards.</param>
    /// <param name="time">Real time, for the waits between attempts. The default value is <see cref="TimeProvider.System"/>.</param>
    /// <param name="retry">
    /// The retry policy in force, read at each failure (a CSMS may change it). The default value is
    /// <see cref="TransactionMessageRetry.DefaultAttempts"/> attempts <see cref="TransactionMessageRetry.DefaultIntervalSeconds"/> s apart.
    /// </param>
    public TransactionOutbox(Action<string>? log = null, TimeProvider? time = null, Func<TransactionMessageRetry>? retry = null)
    {
        _log = log ?? (static _ => { });
        _time = time ?? TimeProvider.System;
        _retry = retry ?? (static () => new TransactionMessageRetry(TransactionMessageRetry.DefaultAttempts, TimeSpan.FromSeconds(TransactionMessageRetry.DefaultIntervalSeconds)));
    }

    /// <summary>Raised when the outbox goes online or offline, and when its queue drained.</summary>
    public event Action? Changed;

    /// <summary>Whether a connection is up and usable.</summary>
    public bool IsOnline
    {
        get
        {
            lock (_gate)
            {
                return _peer is { IsClosed: false };
            }
        }
    }

    /// <summary>How many messages wait for delivery.</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>The most messages the queue holds. The default value is <see cref="DefaultCapacity"/>.</summary>
    public int Capacity { get; init; } = DefaultCapacity;

    /// <summary>Messages sent again after a lost connection (with their first message id), so far.</summary>
    public int Resent { get; private set; }

    /// <summary>Transaction messages queued because the station was offline when they were made, so far.</summary>
    public int QueuedOffline { get; private set; }

    /// <summary>Periodic samples dropped because the queue was full, so far.</summary>
    public int Dropped { get; private set; }

    /// <summary>Transaction messages given up after their last attempt, so far.</summary>
    public int GivenUp => Volatile.Read(ref _givenUp);

    /// <summary>Status reports not sent because the station was offline, so far (the status after the reconnect tells the truth).</summary>
    public int NotSent => Volatile.Read(ref _notSent);

    /// <summary>
    /// Keeps the queue in <paramref name="path"/> from now on: what the file holds (a previous run's undelivered
    /// messages) is queued first, and every change is written back (temp file, then rename) before it takes effect on
    /// the wire. Returns how many messages were restored.
    /// </summary>
    /// <exception cref="OutboxStateException">The file is not a readable outbox state.</exception>
    public int UseStateFile(string path)
    {
        var file = new OutboxStateFile(path);
        var restored = file.Load();
        lock (_gate)
        {
            foreach (var entry in restored)
            {
                _queue.AddLast(new QueuedCall(_nextSeq++, entry.Action, entry.Payload, entry.Delivery, entry.MessageId) { WasSent = entry.WasSent, ProvisionalId = entry.ProvisionalId });
                if (int.TryParse(entry.ProvisionalId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    // New provisional ids must not meet those still queued from the previous run.
                    _provisional = Math.Min(_provisional, number);
                }
            }

            _file = file;
            StateFile = path;
            SaveLocked();
            StartDrainLocked();
        }

        if (restored.Count > 0)
        {
            _log($"outbox: {restored.Count} undelivered message(s) restored from {path}");
        }

        return restored.Count;
    }

    /// <summary>
    /// A provisional transaction id for a transaction started offline (1.6: negative, so it never meets a CSMS's id):
    /// unique for the station across connections and, with <see cref="UseStateFile"/>, across restarts.
    /// </summary>
    public int NextProvisionalNumber() => Interlocked.Decrement(ref _provisional);

    /// <summary>
    /// Gets the provisional id and the CSMS's answer when a queued call made under a provisional id (see the
    /// <c>provisionalId</c> of <see cref="CallAsync(string, JsonElement, OutboxDelivery, Action{JsonElement}, Action{JsonElement}, string, CancellationToken)"/>)
    /// restored from the state file is delivered: its maker is gone with the previous run, so the version's
    /// transaction messages take the CSMS's id in (1.6: into the queued messages that still carry the provisional one).
    /// </summary>
    public Action<string, JsonElement>? RestoredProvisionalDelivered { get; set; }

    /// <summary>The file the queue is kept in (<see cref="UseStateFile"/>), or null.</summary>
    public string? StateFile { get; private set; }

    /// <summary>How many connections went online so far.</summary>
    public int Connections { get; private set; }

    /// <summary>The connection in use, or null offline.</summary>
    public OcppRpcPeer? Peer
    {
        get
        {
            lock (_gate)
            {
                return _peer is { IsClosed: false } peer ? peer : null;
            }
        }
    }

    /// <summary>Uses <paramref name="peer"/> from now on and starts delivering what was queued.</summary>
    public void Online(OcppRpcPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_gate)
        {
            _peer = peer;
            Connections++;
            if (_queue.Count > 0)
            {
                _log($"online: replaying {_queue.Count} queued messages");
            }

            StartDrainLocked();
        }

        Changed?.Invoke();
    }

    /// <summary>Stops using <paramref name="peer"/> (when it is still the one in use).</summary>
    public void Offline(OcppRpcPeer peer)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_peer, peer))
            {
                return;
            }

            _peer = null;
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// Sends <paramref name="action"/> per <paramref name="delivery"/>. Returns the answer, or null when the message
    /// was queued (<see cref="OutboxDelivery.Transaction"/>), dropped or not acknowledged (<see cref="OutboxDelivery.Status"/>).
    /// </summary>
    /// <exception cref="OcppConnectionClosedException">Offline, for a <see cref="OutboxDelivery.Request"/>.</exception>
    /// <exception cref="OcppCallErrorException">
    /// (or another failure to process) A <see cref="OutboxDelivery.Request"/> failed, or a
    /// <see cref="OutboxDelivery.TransactionAwaitingAnswer"/> was given up after its last attempt.
    /// </exception>
    public Task<JsonElement?> CallAsync(string action, JsonElement payload, OutboxDelivery delivery, CancellationToken ct) =>
        CallAsync(action, payload, delivery, null, ct);

    /// <summary>
    /// As <see cref="CallAsync(string, JsonElement, OutboxDelivery, CancellationToken)"/>; when the call is queued (offline,
    /// or behind earlier messages) and so returns no answer, <paramref name="onLateAnswer"/> gets the CSMS's answer once
    /// the call is delivered (2.x: the verdict on a token the station let in offline, OCPP 2.0.1 C15 / E05).
    /// </summary>
    public Task<JsonElement?> CallAsync(string action, JsonElement payload, OutboxDelivery delivery, Action<JsonElement>? onLateAnswer, CancellationToken ct) =>
        CallAsync(action, payload, delivery, onLateAnswer, null, null, ct);

    /// <summary>
    /// As <see cref="CallAsync(string, JsonElement, OutboxDelivery, Action{JsonElement}, CancellationToken)"/>; when the
    /// call is queued, <paramref name="whenDelivered"/> gets the CSMS's answer the moment it arrives, before the next queued
    /// message goes, so it may still change those with <see cref="RewriteQueued"/> (1.6: the CSMS's transactionId replaces
    /// the provisional one in the messages of a transaction started offline). <paramref name="provisionalId"/>, kept with the
    /// call in the state file, names the provisional transaction the call starts (see <see cref="RestoredProvisionalDelivered"/>).
    /// </summary>
    public async Task<JsonElement?> CallAsync(string action, JsonElement payload, OutboxDelivery delivery, Action<JsonElement>? onLateAnswer, Action<JsonElement>? whenDelivered, string? provisionalId, CancellationToken ct)
    {
        OcppRpcPeer? direct;
        QueuedCall? queued = null;
        QueuedCall? made = null;
        lock (_gate)
        {
            direct = _peer is { IsClosed: false } peer && (_queue.Count == 0 || delivery == OutboxDelivery.Request) ? peer : null;
            if (direct is null)
            {
                switch (delivery)
                {
                    case OutboxDelivery.Request:
                        throw new OcppConnectionClosedException($"{action} needs a connection and the station is offline");
                    case OutboxDelivery.Status when _peer is not { IsClosed: false }:
                        NotSentOffline(action);
                        return null;
                    default:
                        if (_peer is not { IsClosed: false })
                        {
                            QueuedOffline++;
                        }

                        queued = Enqueue(new QueuedCall(_nextSeq++, action, payload.Clone(), delivery, NewMessageId()) { WhenDelivered = whenDelivered, ProvisionalId = provisionalId });
                        break;
                }
            }
            else if (IsTransaction(delivery))
            {
                // Numbered and named now: if the connection drops before the answer, it goes again in its place, with this id.
                made = new QueuedCall(_nextSeq++, action, payload.Clone(), delivery, NewMessageId()) { WasSent = true, WhenDelivered = whenDelivered, ProvisionalId = provisionalId };
                if (_file is not null)
                {
                    // On disk before it is on the wire: a crash before its answer must not lose it.
                    _direct.Add(made);
                    SaveLocked();
                }
            }
        }

        if (queued is not null)
        {
            Later(queued, onLateAnswer);
            return await AnswerOf(queued, ct).ConfigureAwait(false);
        }

        try
        {
            var answer = await direct!.CallRawAsync(action, payload, made?.MessageId, ct).ConfigureAwait(false);
            ForgetDirect(made);
            return answer;
        }
        catch (OcppConnectionClosedException) when (made is not null && !ct.IsCancellationRequested)
        {
            // Lost with the connection: it may or may not have reached the CSMS, so it goes again after reconnecting with
            // the same message id (a CSMS that processed it recognises the duplicate).
            lock (_gate)
            {
                _direct.Remove(made);
                queued = Enqueue(made);
            }

            Later(queued, onLateAnswer);
            return await AnswerOf(queued, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex) && made is not null)
        {
            // The CSMS failed to process it: it goes again after the retry interval, ahead of later transaction messages.
            var failed = made;
            lock (_gate)
            {
                _direct.Remove(failed);
                if (!RetryLocked(failed, ex))
                {
                    queued = null;
                }
                else
                {
                    queued = failed;
                    InsertLocked(failed);
                    SaveLocked();
                    StartDrainLocked();
                }
            }

            if (queued is null)
            {
                lock (_gate)
                {
                    SaveLocked();
                }

                if (delivery == OutboxDelivery.TransactionAwaitingAnswer)
                {
                    throw;
                }

                return null;
            }

            return await AnswerOf(queued, ct).ConfigureAwait(false);
        }
        catch (OcppConnectionClosedException) when (delivery == OutboxDelivery.Status)
        {
            // The status after the reconnect tells the truth anyway.
            NotSentOffline(action);
            return null;
        }
        catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex) && delivery == OutboxDelivery.Status)
        {
            // Not retried: nothing waits on a status report, and the next one supersedes it.
            _log($"{action} not acknowledged: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Sends a typed status report with <paramref name="send"/> on the connection in use, as <see cref="OutboxDelivery.Status"/>
    /// does: dropped offline, and logged, not thrown, when the CSMS fails to process it.
    /// </summary>
    public async Task ReportAsync(string action, Func<OcppRpcPeer, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        if (Peer is not { } peer)
        {
            NotSentOffline(action);
            return;
        }

        try
        {
            await send(peer).ConfigureAwait(false);
        }
        catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex))
        {
            _log($"{action} not acknowledged: {ex.Message}");
        }
        catch (OcppConnectionClosedException)
        {
            // Dropped with the connection; the runner reports every connector after the reconnect.
            NotSentOffline(action);
        }
    }

    /// <summary>
    /// Changes the payloads of the queued messages not on the wire yet: <paramref name="rewrite"/> gets each one's action
    /// and payload and returns the new payload, or null to keep it. Returns how many changed.
    /// </summary>
    public int RewriteQueued(Func<string, JsonElement, JsonElement?> rewrite)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        var changed = 0;
        lock (_gate)
        {
            foreach (var call in _queue)
            {
                if (!call.InFlight && !call.WasSent && rewrite(call.Action, call.Payload) is { } payload)
                {
                    call.Payload = payload.Clone();
                    changed++;
                }
            }

            if (changed > 0)
            {
                SaveLocked();
            }
        }

        return changed;
    }

    private void NotSentOffline(string action)
    {
        Interlocked.Increment(ref _notSent);
        _log($"offline: {action} not sent");
    }

    private static bool IsTransaction(OutboxDelivery delivery) =>
        delivery is OutboxDelivery.Transaction or OutboxDelivery.TransactionAwaitingAnswer;

    private static void Later(QueuedCall call, Action<JsonElement>? onLateAnswer)
    {
        if (onLateAnswer is not null && call.Delivery != OutboxDelivery.TransactionAwaitingAnswer)
        {
            _ = call.Answer.Task.ContinueWith(t => onLateAnswer(t.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    private static async Task<JsonElement?> AnswerOf(QueuedCall call, CancellationToken ct) =>
        call.Delivery == OutboxDelivery.TransactionAwaitingAnswer ? await call.Answer.Task.WaitAsync(ct).ConfigureAwait(false) : null;

    /// <summary>
    /// Counts a failed transmission of <paramref name="call"/>; true when it goes again (at <see cref="QueuedCall.NotBefore"/>),
    /// false when that was its last attempt (logged: a transaction message is never dropped silently).
    /// </summary>
    private bool RetryLocked(QueuedCall call, Exception error)
    {
        call.Transmissions++;
        var retry = _retry();
        if (call.Delivery == OutboxDelivery.Status || call.Transmissions >= retry.Attempts)
        {
            if (call.Delivery != OutboxDelivery.Status)
            {
                Interlocked.Increment(ref _givenUp);
            }

            _log(call.Delivery == OutboxDelivery.Status
                ? $"{call.Action} not acknowledged: {error.Message}"
                : $"{call.Action} given up after {call.Transmissions} attempt(s), the CSMS failed to process it each time (last: {error.Message}): {call.Payload.GetRawText()}");
            return false;
        }

        // The CSMS processed and refused it: the next attempt is a new transmission, with a new id.
        call.MessageId = NewMessageId();
        call.WasSent = false;

        // OCPP 1.6 §3.7.1, 2.0.1 E13.FR.03: the interval multiplied by the number of preceding transmissions.
        var delay = retry.DelayAfter(call.Transmissions);
        call.NotBefore = _time.GetUtcNow() + delay;
        _log($"{call.Action} not processed by the CSMS ({error.Message}): attempt {call.Transmissions + 1} of {retry.Attempts} in {delay.TotalSeconds:0.#} s");
        return true;
    }

    private QueuedCall Enqueue(QueuedCall item)
    {
        if (_queue.Count >= Capacity)
        {
            DropOldestSampleLocked();
        }

        InsertLocked(item);
        if (!item.WasSent)
        {
            _log($"{(_peer is { IsClosed: false } ? "behind earlier messages" : "offline")}: {item.Action} queued ({_queue.Count} waiting)");
        }

        SaveLocked();
        StartDrainLocked();
        return item;
    }

    /// <summary>Puts <paramref name="item"/> in its place: the queue is ordered by when the messages were made.</summary>
    private void InsertLocked(QueuedCall item)
    {
        var node = _queue.Last;
        while (node is not null && node.Value.Seq > item.Seq)
        {
            node = node.Previous;
        }

        if (node is null)
        {
            _queue.AddFirst(item);
        }
        else
        {
            _queue.AddAfter(node, item);
        }
    }

    /// <summary>
    /// Full: the oldest periodic meter sample not on the wire goes (its transaction's start, stop and the samples after
    /// it still tell the CSMS the energy); starts and stops are never dropped, so the queue may then exceed the bound.
    /// </summary>
    private void DropOldestSampleLocked()
    {
        for (var node = _queue.First; node is not null; node = node.Next)
        {
            if (!node.Value.InFlight && node.Value.Delivery == OutboxDelivery.Transaction && IsPeriodicSample(node.Value.Action, node.Value.Payload))
            {
                _queue.Remove(node);
                Dropped++;
                _log($"outbox full: dropped the oldest periodic meter sample ({node.Value.Action}, message id {node.Value.MessageId}) of {_queue.Count + 1} waiting");
                return;
            }
        }

        _log($"outbox full: {_queue.Count} waiting and no periodic sample to drop; keeping the transaction message");
    }

    /// <summary>A periodic meter sample of a transaction: 2.x TransactionEvent for MeterValuePeriodic, 1.6 MeterValues with Sample.Periodic.</summary>
    internal static bool IsPeriodicSample(string action, JsonElement payload) =>
        action switch
        {
            "TransactionEvent" => payload.TryGetProperty("triggerReason", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "MeterValuePeriodic",
            "MeterValues" => payload.TryGetProperty("meterValue", out var mv) && mv.ValueKind == JsonValueKind.Array
                && mv.EnumerateArray().SelectMany(v => v.TryGetProperty("sampledValue", out var sv) ? sv.EnumerateArray() : Enumerable.Empty<JsonElement>())
                    .All(sv => !sv.TryGetProperty("context", out var c) || c.GetString() == "Sample.Periodic"),
            _ => false,
        };

    // Unique for the station across connections and restarts (a queued message keeps its id when it goes again): a random
    // prefix drawn per outbox, then a counter, as the peer numbers its own CALLs. A GUID per message was a call to the
    // system's random source and a 32-character id kept by the queue and the station log.
    private string NewMessageId() =>
        string.Create(CultureInfo.InvariantCulture, $"{_idPrefix}-q{Interlocked.Increment(ref _lastId)}");

    private void ForgetDirect(QueuedCall? made)
    {
        if (made is null || _file is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_direct.Remove(made))
            {
                SaveLocked();
            }
        }
    }

    private void SaveLocked()
    {
        if (_file is null)
        {
            return;
        }

        try
        {
            _file.Save([.. _direct.Concat(_queue).OrderBy(q => q.Seq).Select(q => new OutboxStateFile.Entry(q.Action, q.Payload, q.Delivery, q.MessageId, q.WasSent, q.ProvisionalId))]);
            _saveFailed = false;
        }
        catch (OutboxStateException ex) when (!_saveFailed)
        {
            // Told once per spell of failures; the messages still go out, only a crash now could lose them.
            _saveFailed = true;
            _log(ex.Message);
        }
        catch (OutboxStateException)
        {
            // Told already.
        }
    }

    private void StartDrainLocked()
    {
        if (_draining || _queue.Count == 0 || _peer is not { IsClosed: false } peer)
        {
            return;
        }

        _draining = true;
        _ = Task.Run(() => DrainAsync(peer));
    }

    private async Task DrainAsync(OcppRpcPeer peer)
    {
        while (true)
        {
            QueuedCall next;
            TimeSpan wait;
            lock (_gate)
            {
                if (_queue.Count == 0 || !ReferenceEquals(_peer, peer) || peer.IsClosed)
                {
                    _draining = false;
                    StartDrainLocked();
                    break;
                }

                next = _queue.First!.Value;
                wait = next.NotBefore - _time.GetUtcNow();
            }

            if (wait > TimeSpan.Zero)
            {
                // Waiting to retry; later transaction messages wait behind it. A reconnect meanwhile is noticed after.
                await Task.Delay(wait, _time).ConfigureAwait(false);
                continue;
            }

            string id;
            lock (_gate)
            {
                next.InFlight = true;
                id = next.MessageId;
                if (next.WasSent)
                {
                    Resent++;
                    _log($"{next.Action} sent again with its message id {id} (the connection dropped before its answer)");
                }
            }

            JsonElement answer;
            try
            {
                answer = await peer.CallRawAsync(next.Action, next.Payload, id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OcppConnectionClosedException)
            {
                // Still queued: the next connection (Online) delivers it, with the same id. This one is done for: draining
                // stops here rather than spin on a peer that is closing but not yet reported offline.
                lock (_gate)
                {
                    next.InFlight = false;
                    next.WasSent = true;
                    SaveLocked();
                    _draining = false;
                }

                break;
            }
            catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex))
            {
                bool again;
                lock (_gate)
                {
                    next.InFlight = false;
                    again = RetryLocked(next, ex);
                    if (!again)
                    {
                        _queue.Remove(next);
                    }

                    SaveLocked();
                }

                if (!again)
                {
                    next.Answer.TrySetException(ex);
                }

                continue;
            }

            lock (_gate)
            {
                next.InFlight = false;
                _queue.Remove(next);
                SaveLocked();
            }

            Delivered(next, answer);
            next.Answer.TrySetResult(answer);
        }

        Changed?.Invoke();
    }

    /// <summary>Tells the maker of a queued call its answer, before the next queued message goes.</summary>
    private void Delivered(QueuedCall call, JsonElement answer)
    {
        try
        {
            if (call.WhenDelivered is { } maker)
            {
                maker(answer);
            }
            else if (call.ProvisionalId is { } provisional)
            {
                RestoredProvisionalDelivered?.Invoke(provisional, answer);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log($"{call.Action}: the answer could not be taken in: {ex.Message}");
        }
    }

    private sealed class QueuedCall(long seq, string action, JsonElement payload, OutboxDelivery delivery, string messageId)
    {
        /// <summary>When it was made, relative to the others: the order of delivery.</summary>
        public long Seq { get; } = seq;

        public string Action { get; } = action;

        public JsonElement Payload { get; set; } = payload;

        /// <summary>Gets the CSMS's answer as soon as it arrives (before the next queued message goes), or null.</summary>
        public Action<JsonElement>? WhenDelivered { get; init; }

        /// <summary>The provisional transaction id the call starts, kept in the state file; null for most.</summary>
        public string? ProvisionalId { get; init; }

        public OutboxDelivery Delivery { get; } = delivery;

        /// <summary>The CALL's id; kept when it goes again after a lost connection.</summary>
        public string MessageId { get; set; } = messageId;

        /// <summary>Whether it was on the wire when a connection dropped (so the CSMS may have it).</summary>
        public bool WasSent { get; set; }

        /// <summary>Being sent right now (never dropped for room).</summary>
        public bool InFlight { get; set; }

        /// <summary>Failed transmissions so far.</summary>
        public int Transmissions { get; set; }

        /// <summary>When it may go again; the minimum until a transmission failed.</summary>
        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;

        public TaskCompletionSource<JsonElement> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

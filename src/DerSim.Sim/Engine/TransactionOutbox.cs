using System.Text.Json;
using DerSim.Sim.Ocpp.Rpc;

namespace DerSim.Sim.Engine;

/// <summary>
/// The station's way out for engine messages, across connections. Online with nothing queued, a message is sent and
/// its answer awaited as usual. Transaction messages made while offline — or while earlier ones still wait — are kept
/// in order and delivered, one at a time, once a connection is up again (after its boot), as OCPP requires of
/// transaction-related messages. A transaction message the CSMS fails to process (CALLERROR, no answer in time, an
/// invalid answer) is sent again per <see cref="TransactionMessageRetry"/>, ahead of later ones, and given up — with a
/// log line — only after the last attempt. Status reports made offline are dropped, and one the CSMS fails to process
/// is logged, not retried (the next report supersedes it); requests fail.
/// </summary>
public sealed class TransactionOutbox
{
    private readonly Lock _gate = new();
    private readonly LinkedList<QueuedCall> _queue = new();
    private readonly Action<string> _log;
    private readonly TimeProvider _time;
    private readonly Func<TransactionMessageRetry> _retry;
    private OcppRpcPeer? _peer;
    private bool _draining;

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
    public async Task<JsonElement?> CallAsync(string action, JsonElement payload, OutboxDelivery delivery, CancellationToken ct)
    {
        OcppRpcPeer? direct;
        QueuedCall? queued = null;
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
                        _log($"offline: {action} not sent");
                        return null;
                    default:
                        queued = Enqueue(new QueuedCall(action, payload.Clone(), delivery), front: false);
                        break;
                }
            }
        }

        if (queued is not null)
        {
            return await AnswerOf(queued, ct).ConfigureAwait(false);
        }

        try
        {
            return await direct!.CallRawAsync(action, payload, ct).ConfigureAwait(false);
        }
        catch (OcppConnectionClosedException) when (IsTransaction(delivery) && !ct.IsCancellationRequested)
        {
            // Lost with the connection: it may or may not have reached the CSMS, so it goes again after reconnecting,
            // as a real station's retry would.
            lock (_gate)
            {
                queued = Enqueue(new QueuedCall(action, payload.Clone(), delivery), front: true);
            }

            return await AnswerOf(queued, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex) && IsTransaction(delivery))
        {
            // The CSMS failed to process it: it goes again after the retry interval, ahead of later transaction messages.
            var failed = new QueuedCall(action, payload.Clone(), delivery);
            lock (_gate)
            {
                if (!RetryLocked(failed, ex))
                {
                    queued = null;
                }
                else
                {
                    queued = failed;
                    _queue.AddFirst(failed);
                    StartDrainLocked();
                }
            }

            if (queued is null)
            {
                if (delivery == OutboxDelivery.TransactionAwaitingAnswer)
                {
                    throw;
                }

                return null;
            }

            return await AnswerOf(queued, ct).ConfigureAwait(false);
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
            _log($"offline: {action} not sent");
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
    }

    private static bool IsTransaction(OutboxDelivery delivery) =>
        delivery is OutboxDelivery.Transaction or OutboxDelivery.TransactionAwaitingAnswer;

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
            _log(call.Delivery == OutboxDelivery.Status
                ? $"{call.Action} not acknowledged: {error.Message}"
                : $"{call.Action} given up after {call.Transmissions} attempt(s), the CSMS failed to process it each time (last: {error.Message}): {call.Payload.GetRawText()}");
            return false;
        }

        // OCPP 1.6 §3.7.1, 2.0.1 E13.FR.03: the interval multiplied by the number of preceding transmissions.
        var delay = retry.DelayAfter(call.Transmissions);
        call.NotBefore = _time.GetUtcNow() + delay;
        _log($"{call.Action} not processed by the CSMS ({error.Message}): attempt {call.Transmissions + 1} of {retry.Attempts} in {delay.TotalSeconds:0.#} s");
        return true;
    }

    private QueuedCall Enqueue(QueuedCall item, bool front)
    {
        if (front)
        {
            _queue.AddFirst(item);
        }
        else
        {
            _queue.AddLast(item);
        }

        _log($"{(_peer is { IsClosed: false } ? "behind earlier messages" : "offline")}: {item.Action} queued ({_queue.Count} waiting)");
        StartDrainLocked();
        return item;
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

            JsonElement answer;
            try
            {
                answer = await peer.CallRawAsync(next.Action, next.Payload, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OcppConnectionClosedException)
            {
                // Still queued: the next connection delivers it.
                continue;
            }
            catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex))
            {
                bool again;
                lock (_gate)
                {
                    again = RetryLocked(next, ex);
                    if (!again)
                    {
                        _queue.Remove(next);
                    }
                }

                if (!again)
                {
                    next.Answer.TrySetException(ex);
                }

                continue;
            }

            lock (_gate)
            {
                _queue.Remove(next);
            }

            next.Answer.TrySetResult(answer);
        }

        Changed?.Invoke();
    }

    private sealed class QueuedCall(string action, JsonElement payload, OutboxDelivery delivery)
    {
        public string Action { get; } = action;

        public JsonElement Payload { get; } = payload;

        public OutboxDelivery Delivery { get; } = delivery;

        /// <summary>Failed transmissions so far.</summary>
        public int Transmissions { get; set; }

        /// <summary>When it may go again; the minimum until a transmission failed.</summary>
        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;

        public TaskCompletionSource<JsonElement> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

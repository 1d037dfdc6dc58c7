using System.Text.Json;
using DerSim.Sim.Ocpp.Rpc;

namespace DerSim.Sim.Engine;

/// <summary>
/// The station's way out for engine messages, across connections. Online with nothing queued, a message is sent and
/// its answer awaited as usual. Transaction messages made while offline — or while earlier ones still wait — are kept
/// in order and delivered, one at a time, once a connection is up again (after its boot), as OCPP requires of
/// transaction-related messages. Status reports made offline are dropped; requests fail.
/// </summary>
public sealed class TransactionOutbox
{
    private readonly Lock _gate = new();
    private readonly LinkedList<QueuedCall> _queue = new();
    private readonly Action<string> _log;
    private OcppRpcPeer? _peer;
    private bool _draining;

    /// <summary>An outbox, offline until <see cref="Online"/>; <paramref name="log"/> tells what it queues and drops.</summary>
    public TransactionOutbox(Action<string>? log = null)
    {
        _log = log ?? (static _ => { });
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
            StartDrainLocked(peer);
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
    /// was queued (<see cref="OutboxDelivery.Transaction"/>) or dropped (<see cref="OutboxDelivery.Status"/>).
    /// </summary>
    /// <exception cref="OcppConnectionClosedException">Offline, for a <see cref="OutboxDelivery.Request"/>.</exception>
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
                        queued = Enqueue(action, payload, front: false);
                        break;
                }
            }
        }

        if (queued is not null)
        {
            return delivery == OutboxDelivery.TransactionAwaitingAnswer ? await queued.Answer.Task.WaitAsync(ct).ConfigureAwait(false) : null;
        }

        try
        {
            return await direct!.CallRawAsync(action, payload, ct).ConfigureAwait(false);
        }
        catch (OcppConnectionClosedException) when (delivery is OutboxDelivery.Transaction or OutboxDelivery.TransactionAwaitingAnswer && !ct.IsCancellationRequested)
        {
            // Lost with the connection: it may or may not have reached the CSMS, so it goes again after reconnecting,
            // as a real station's retry would.
            lock (_gate)
            {
                queued = Enqueue(action, payload, front: true);
            }

            return delivery == OutboxDelivery.TransactionAwaitingAnswer ? await queued.Answer.Task.WaitAsync(ct).ConfigureAwait(false) : null;
        }
    }

    private QueuedCall Enqueue(string action, JsonElement payload, bool front)
    {
        var item = new QueuedCall(action, payload.Clone());
        if (front)
        {
            _queue.AddFirst(item);
        }
        else
        {
            _queue.AddLast(item);
        }

        _log($"{(_peer is { IsClosed: false } ? "behind earlier messages" : "offline")}: {action} queued ({_queue.Count} waiting)");
        if (_peer is { IsClosed: false } peer)
        {
            StartDrainLocked(peer);
        }

        return item;
    }

    private void StartDrainLocked(OcppRpcPeer peer)
    {
        if (_draining || _queue.Count == 0)
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
            lock (_gate)
            {
                if (_queue.Count == 0 || !ReferenceEquals(_peer, peer) || peer.IsClosed)
                {
                    _draining = false;
                    if (_peer is { IsClosed: false } current && !ReferenceEquals(current, peer) && _queue.Count > 0)
                    {
                        StartDrainLocked(current);
                    }

                    break;
                }

                next = _queue.First!.Value;
            }

            JsonElement? answer = null;
            try
            {
                answer = await peer.CallRawAsync(next.Action, next.Payload, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OcppConnectionClosedException)
            {
                // Still queued: the next connection delivers it.
                continue;
            }
            catch (Exception ex) when (ex is OcppCallErrorException or OcppCallTimeoutException or OcppSchemaViolationException)
            {
                // The CSMS had it and refused or garbled the answer: retrying would not change that.
                _log($"queued {next.Action} not acknowledged: {ex.Message}");
            }

            lock (_gate)
            {
                _queue.Remove(next);
            }

            if (answer is { } delivered)
            {
                next.Answer.TrySetResult(delivered);
            }
            else
            {
                next.Answer.TrySetException(new OcppConnectionClosedException($"queued {next.Action} was not acknowledged"));
            }
        }

        Changed?.Invoke();
    }

    private sealed class QueuedCall(string action, JsonElement payload)
    {
        public string Action { get; } = action;

        public JsonElement Payload { get; } = payload;

        public TaskCompletionSource<JsonElement> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

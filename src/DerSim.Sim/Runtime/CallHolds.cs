using System.Collections.Concurrent;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Runtime;

/// <summary>
/// Holds simulated time still from a CALL to its answer, either way, so a discrete-event clock never jumps while
/// the CSMS is still speaking (a SetChargingProfile arriving between two samples applies to the next one).
/// An exchange that is never answered lets go after the call timeout on the real clock, and every exchange lets go
/// when the connection ends, so virtual time keeps moving after a lost answer.
/// </summary>
internal sealed class CallHolds : IDisposable
{
    private readonly ConcurrentDictionary<string, Exchange> _open = new(StringComparer.Ordinal);
    private readonly SimulationClock _clock;
    private readonly TimeProvider _real;
    private readonly TimeSpan _timeout;
    private readonly Action<string>? _log;
    private volatile bool _disposed;

    /// <summary>
    /// Creates the holds of one connection; an unanswered exchange is let go after <paramref name="callTimeout"/> of
    /// <paramref name="real"/> time, and, with <paramref name="log"/>, an unanswered CALL of ours is told there (the
    /// peer's own timeout error says the CALL failed; this line says simulated time stood still for it).
    /// </summary>
    public CallHolds(SimulationClock clock, TimeProvider real, TimeSpan callTimeout, Action<string>? log = null)
    {
        _clock = clock;
        _real = real;
        _timeout = callTimeout;
        _log = log;
    }

    /// <summary>Exchanges still open.</summary>
    public int Open => _open.Count;

    public void OnFrame(OcppFrameEvent frame)
    {
        if (_disposed || frame.MessageId is not { } id || frame.MessageType is not { } type)
        {
            return;
        }

        // Ids are keyed by who sent the CALL: each side numbers its own.
        var ours = frame.Direction == FrameDirection.Outbound;
        if (type == OcppMessageType.Call)
        {
            var key = (ours ? "out:" : "in:") + id;
            var exchange = new Exchange(_clock.Hold());
            if (!_open.TryAdd(key, exchange))
            {
                exchange.Dispose();
                return;
            }

            // The peer gives up on an unanswered CALL after its timeout (real time); so does the hold.
            exchange.Timer = _real.CreateTimer(static state =>
            {
                var (holds, k, what) = ((CallHolds, string, string?))state!;
                if (holds.Let(k) && what is not null)
                {
                    holds._log?.Invoke($"lock-step: no answer to {what} within the call timeout ({holds._timeout.TotalSeconds:0.###} s of wall time); simulated time, held still since it was sent, moves on");
                }
            },
            (this, key, ours ? $"{frame.Action} (message id {id})" : null),
            _timeout,
            Timeout.InfiniteTimeSpan);
            if (_disposed)
            {
                Let(key);
            }
        }
        else if (type is OcppMessageType.CallResult or OcppMessageType.CallError or OcppMessageType.CallResultError)
        {
            Let((ours ? "in:" : "out:") + id);
        }
    }

    /// <summary>Lets time move again for every exchange still open (the connection ended).</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var key in _open.Keys)
        {
            Let(key);
        }
    }

    /// <summary>Lets the exchange <paramref name="key"/> go; false when it was gone already (answered, or the connection ended).</summary>
    private bool Let(string key)
    {
        if (!_open.TryRemove(key, out var exchange))
        {
            return false;
        }

        exchange.Dispose();
        return true;
    }

    private sealed class Exchange(IDisposable hold) : IDisposable
    {
        public ITimer? Timer { get; set; }

        public void Dispose()
        {
            Timer?.Dispose();
            hold.Dispose();
        }
    }
}

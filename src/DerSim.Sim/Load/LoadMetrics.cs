using System.Collections.Concurrent;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Load;

/// <summary>
/// The traffic figures of a load run, fed by every station's connection (<see cref="Attach"/>): CALLs per action and
/// direction, answers, CALLERRORs by code, unanswered calls, latency, frames each way. Per frame it touches a few
/// counters and, for an answer, a histogram: no string is formatted and nothing is allocated once an action was seen.
/// Thread-safe. <see cref="Freeze"/> stops counting (the end of the run: what the closing does is not the CSMS's doing).
/// </summary>
public sealed class LoadMetrics
{
    /// <summary>The <see cref="LoadActionFigures.CalledBy"/> of a CALL the station sent.</summary>
    public const string ByStation = "station";

    /// <summary>The <see cref="LoadActionFigures.CalledBy"/> of a CALL the CSMS sent.</summary>
    public const string ByCsms = "csms";

    /// <summary>The error code a CALLRESULT that failed validation or could not be read is counted under.</summary>
    public const string InvalidResult = "(invalid CALLRESULT)";

    private readonly ConcurrentDictionary<string, ActionCounters> _station = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ActionCounters> _csms = new(StringComparer.Ordinal);
    private readonly LatencyHistogram _interval = new();
    private readonly Action<OcppFrameEvent> _onFrame;
    private readonly Action<OcppUnansweredCall> _onUnanswered;
    private long _sent;
    private long _received;
    private long _unanswered;
    private long _errors;
    private long _inFlight;
    private volatile bool _closing;
    private volatile bool _frozen;
    private readonly ConcurrentDictionary<string, byte> _uncounted = new(StringComparer.Ordinal);

    /// <summary>Creates empty figures.</summary>
    public LoadMetrics()
    {
        _onFrame = OnFrame;
        _onUnanswered = OnUnanswered;
    }

    /// <summary>Frames the stations sent.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Frames the stations received.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>The stations' CALLs that got no answer.</summary>
    public long Unanswered => Interlocked.Read(ref _unanswered);

    /// <summary>The stations' CALLs answered with a CALLERROR (or an invalid CALLRESULT).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Counts the frames and unanswered calls of <paramref name="peer"/> from now on.</summary>
    public void Attach(OcppRpcPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        peer.Frame += _onFrame;
        peer.CallUnanswered += _onUnanswered;
    }

    /// <summary>The stations' CALLs counted and not ended yet (answered, errored or unanswered).</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>
    /// Stops counting new CALLs of the stations (a Heartbeat of a station still connected at the end is not the run's
    /// traffic), while the CALLs already counted still end as answered or unanswered; see <see cref="InFlight"/>.
    /// </summary>
    public void Close() => _closing = true;

    /// <summary>Stops counting.</summary>
    public void Freeze() => _frozen = true;

    /// <summary>Counts one frame.</summary>
    public void OnFrame(OcppFrameEvent frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_frozen)
        {
            return;
        }

        var outbound = frame.Direction == FrameDirection.Outbound;
        if (_closing && IsUncounted(frame, outbound))
        {
            return;
        }

        Interlocked.Increment(ref outbound ? ref _sent : ref _received);
        if (frame.Action is not { } action)
        {
            return;
        }

        switch (frame.MessageType)
        {
            case OcppMessageType.Call when outbound:
                Station(action).Called();
                Interlocked.Increment(ref _inFlight);
                break;
            case OcppMessageType.Call:
                Csms(action).Called();
                break;
            case OcppMessageType.CallResult when !outbound && frame.Latency is { } latency:
                var answered = Station(action);
                if (frame.Violations.Count > 0 || frame.Note is not null)
                {
                    // Read but unusable: the station's call failed (2.1 answered it with a CALLRESULTERROR).
                    answered.Errored(InvalidResult);
                    Interlocked.Increment(ref _errors);
                }
                else
                {
                    answered.Answered();
                }

                Record(answered, latency);
                Interlocked.Decrement(ref _inFlight);
                break;
            case OcppMessageType.CallError or OcppMessageType.CallResultError when !outbound && frame.Latency is { } latency:
                var errored = Station(action);
                errored.Errored(frame.ErrorCode ?? "");
                Interlocked.Increment(ref _errors);
                Record(errored, latency);
                Interlocked.Decrement(ref _inFlight);
                break;
            case OcppMessageType.CallResult when outbound:
                Csms(action).Answered();
                break;
            case OcppMessageType.CallError when outbound:
                Csms(action).Errored(frame.ErrorCode ?? "");
                break;
            default:
                // A late answer to a call given up, an answer to no call, a SEND: frames, counted above, but no call's end.
                break;
        }
    }

    /// <summary>Counts a CALL of a station that got no answer.</summary>
    public void OnUnanswered(OcppUnansweredCall call)
    {
        if (_frozen || (_closing && _uncounted.TryRemove(call.MessageId, out _)))
        {
            return;
        }

        Station(call.Action).Unanswered();
        Interlocked.Increment(ref _unanswered);
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>The latency of the answers since the last call, every action together; starts the next interval.</summary>
    public LatencySnapshot TakeInterval() => _interval.SnapshotAndReset();

    /// <summary>The figures per action: the station's calls first, then the CSMS's, each by action name.</summary>
    public IReadOnlyList<LoadActionFigures> Actions() =>
        [
            .. _station.Values.OrderBy(a => a.Action, StringComparer.Ordinal).Select(a => a.Figures()),
            .. _csms.Values.OrderBy(a => a.Action, StringComparer.Ordinal).Select(a => a.Figures()),
        ];

    /// <summary>While closing: a station's new CALL is left out (and remembered), and so is the answer to one left out.</summary>
    private bool IsUncounted(OcppFrameEvent frame, bool outbound)
    {
        if (frame.MessageId is not { } id)
        {
            return false;
        }

        if (outbound && frame.MessageType == OcppMessageType.Call)
        {
            _uncounted.TryAdd(id, 0);
            return true;
        }

        return !outbound && frame.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError or OcppMessageType.CallResultError
            && _uncounted.TryRemove(id, out _);
    }

    private void Record(ActionCounters counters, TimeSpan latency)
    {
        var micros = (long)latency.TotalMicroseconds;
        counters.Latency!.RecordMicros(micros);
        _interval.RecordMicros(micros);
    }

    private ActionCounters Station(string action) =>
        _station.TryGetValue(action, out var counters) ? counters : _station.GetOrAdd(action, static a => new ActionCounters(a, ByStation, measureLatency: true));

    private ActionCounters Csms(string action) =>
        _csms.TryGetValue(action, out var counters) ? counters : _csms.GetOrAdd(action, static a => new ActionCounters(a, ByCsms, measureLatency: false));
}

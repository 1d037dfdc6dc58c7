using System.Collections.Concurrent;

namespace DerSim.Sim.Load;

/// <summary>The running counts of one action in one direction (thread-safe, no allocation per frame once an error code was seen).</summary>
internal sealed class ActionCounters(string action, string calledBy, bool measureLatency)
{
    private readonly ConcurrentDictionary<string, StrongBox> _errors = new(StringComparer.Ordinal);
    private long _calls;
    private long _answered;
    private long _unanswered;

    public string Action { get; } = action;

    public string CalledBy { get; } = calledBy;

    /// <summary>CALL → answer latency; null for calls the CSMS made (the station's own answer time is not the CSMS's).</summary>
    public LatencyHistogram? Latency { get; } = measureLatency ? new LatencyHistogram() : null;

    public void Called() => Interlocked.Increment(ref _calls);

    public void Answered() => Interlocked.Increment(ref _answered);

    public void Unanswered() => Interlocked.Increment(ref _unanswered);

    public void Errored(string code) => Interlocked.Increment(ref _errors.GetOrAdd(code, static _ => new StrongBox()).Value);

    public LoadActionFigures Figures() => new()
    {
        Action = Action,
        CalledBy = CalledBy,
        Calls = Interlocked.Read(ref _calls),
        Answered = Interlocked.Read(ref _answered),
        Unanswered = Interlocked.Read(ref _unanswered),
        CallErrors = _errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => Interlocked.Read(ref e.Value.Value), StringComparer.Ordinal),
        Latency = Latency?.Snapshot() ?? LatencySnapshot.Empty,
    };

    private sealed class StrongBox
    {
        public long Value;
    }
}

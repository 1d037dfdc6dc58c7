using System.Text;
using System.Text.Json;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Traffic;

/// <summary>
/// An immutable selection of recorded frames; each filter returns a narrower query. Assertion methods throw
/// <see cref="TrafficAssertionException"/> quoting the frames involved.
/// </summary>
public sealed class TrafficQuery
{
    private const int Quoted = 12;
    private readonly IReadOnlyList<RecordedFrame> _frames;
    private readonly string _description;

    /// <summary>A query over <paramref name="frames"/>.</summary>
    public TrafficQuery(IReadOnlyList<RecordedFrame> frames, string description = "frames")
    {
        _frames = frames;
        _description = description;
    }

    /// <summary>The selected frames, in recording order.</summary>
    public IReadOnlyList<RecordedFrame> Frames => _frames;

    /// <summary>How many frames are selected.</summary>
    public int Count => _frames.Count;

    /// <summary>Frames of one station.</summary>
    public TrafficQuery Station(string stationId) => Where(f => f.StationId == stationId, $"of {stationId}");

    /// <summary>Frames the station sent (CALLs it made and its answers to the CSMS).</summary>
    public TrafficQuery Sent() => Where(f => f.Direction == FrameDirection.Outbound, "sent by the station");

    /// <summary>Frames the station received from the CSMS.</summary>
    public TrafficQuery Received() => Where(f => f.Direction == FrameDirection.Inbound, "sent by the CSMS");

    /// <summary>Frames of one action (CALLs and their answers).</summary>
    public TrafficQuery Action(string action) => Where(f => string.Equals(f.Action, action, StringComparison.Ordinal), action);

    /// <summary>Frames of one message type.</summary>
    public TrafficQuery OfType(OcppMessageType type) => Where(f => f.MessageType == type, type.ToString());

    /// <summary>CALLs (and SENDs) only.</summary>
    public TrafficQuery Calls() => Where(f => f.MessageType is OcppMessageType.Call or OcppMessageType.Send, "CALL");

    /// <summary>
    /// Frames about one EVSE: those naming it, and those naming only a transaction another frame of the selection tied
    /// to it (2.x TransactionEvent Updated/Ended may omit evse; 1.6 StopTransaction has no connectorId).
    /// </summary>
    public TrafficQuery Evse(int evseId)
    {
        var evses = EvseByTransaction();
        return Where(f => EvseOf(f, evses) == evseId, $"on EVSE {evseId}");
    }

    /// <summary>Frames whose simulated time lies in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public TrafficQuery Between(DateTimeOffset from, DateTimeOffset to) =>
        Where(f => f.VirtualTime >= from && f.VirtualTime <= to, $"between {from:HH:mm:ss} and {to:HH:mm:ss}");

    /// <summary>Frames whose payload has <paramref name="value"/> at <paramref name="path"/> (<see cref="FrameFields.Matches"/>).</summary>
    public TrafficQuery With(string path, string value) =>
        Where(f => f.Payload is { } p && FrameFields.At(p, path) is { } v && FrameFields.Matches(v, value), $"with {path} = {value}");

    /// <summary>
    /// The answer (CALLRESULT, CALLERROR) among these frames to <paramref name="call"/>: from its peer, to the same
    /// station, with its message id; null while unanswered.
    /// </summary>
    public RecordedFrame? AnswerTo(RecordedFrame call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return _frames.FirstOrDefault(a => a.StationId == call.StationId && a.MessageId == call.MessageId
            && a.Direction != call.Direction && a.MessageType is not (OcppMessageType.Call or OcppMessageType.Send));
    }

    /// <summary>Frames matching <paramref name="predicate"/>.</summary>
    public TrafficQuery Where(Func<RecordedFrame, bool> predicate, string description) =>
        new([.. _frames.Where(predicate)], $"{_description} {description}");

    /// <summary>Throws unless at least one frame is selected; returns the first.</summary>
    public RecordedFrame ShouldExist()
    {
        if (_frames.Count == 0)
        {
            throw new TrafficAssertionException($"expected {_description}, found none", []);
        }

        return _frames[0];
    }

    /// <summary>Throws when any frame is selected.</summary>
    public void ShouldBeAbsent()
    {
        if (_frames.Count > 0)
        {
            throw new TrafficAssertionException($"expected no {_description}, found {_frames.Count}", _frames);
        }
    }

    /// <summary>Throws unless exactly <paramref name="expected"/> frames are selected.</summary>
    public void ShouldCount(int expected)
    {
        if (_frames.Count != expected)
        {
            throw new TrafficAssertionException($"expected {expected} {_description}, found {_frames.Count}", _frames);
        }
    }

    /// <summary>Renders frames for an assertion message, the first and last few when there are many.</summary>
    public static string Quote(IReadOnlyList<RecordedFrame> frames)
    {
        var text = new StringBuilder();
        var shown = frames.Count <= Quoted ? frames : [.. frames.Take(Quoted / 2), .. frames.TakeLast(Quoted / 2)];
        for (var i = 0; i < shown.Count; i++)
        {
            if (frames.Count > Quoted && i == Quoted / 2)
            {
                text.Append("  … ").Append(frames.Count - Quoted).AppendLine(" more");
            }

            text.Append("  ").AppendLine(shown[i].ToString());
        }

        return text.ToString();
    }

    /// <summary>Every sample of <paramref name="measurand"/> (total, no phase) in the selected station CALLs, with its frame.</summary>
    public IReadOnlyList<(RecordedFrame Frame, DateTimeOffset At, decimal Value)> Samples(string measurand, int? evseId = null)
    {
        var found = new List<(RecordedFrame, DateTimeOffset, decimal)>();
        var evses = EvseByTransaction();
        foreach (var frame in _frames)
        {
            if (frame is not { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.Call, Action: { } action, Payload: { } payload }
                || (evseId is { } id && EvseOf(frame, evses) != id))
            {
                continue;
            }

            foreach (var (at, sample) in FrameFields.Samples(action, payload))
            {
                if (FrameFields.MeasurandOf(sample) == measurand && FrameFields.PhaseOf(sample) is null)
                {
                    found.Add((frame, at, FrameFields.BaseValueOf(sample)));
                }
            }
        }

        return found;
    }

    private static int? EvseOf(RecordedFrame frame, Dictionary<(string Station, string Transaction), int> evses) =>
        frame.EvseId ?? (frame.TransactionId is { } tx && evses.TryGetValue((frame.StationId, tx), out var evse) ? evse : null);

    private Dictionary<(string Station, string Transaction), int> EvseByTransaction()
    {
        var map = new Dictionary<(string, string), int>();
        foreach (var frame in _frames)
        {
            if (frame.EvseId is { } evse && frame.TransactionId is { } tx)
            {
                map.TryAdd((frame.StationId, tx), evse);
            }
        }

        return map;
    }

    /// <summary>The payloads of the selected frames.</summary>
    public IEnumerable<JsonElement> Payloads() => _frames.Where(f => f.Payload is not null).Select(f => f.Payload!.Value);

    /// <inheritdoc />
    public override string ToString() => $"{_frames.Count} {_description}";
}

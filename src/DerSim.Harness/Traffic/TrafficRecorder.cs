using System.Text;
using System.Text.Json;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Traffic;

/// <summary>
/// Every frame of every station in one scenario, in the order seen, with the means to save it as NDJSON and to query it
/// for assertions. Thread-safe: stations record from their own connections.
/// </summary>
public sealed class TrafficRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedFrame> _frames = [];
    private readonly TimeProvider _wall;

    /// <summary>Creates an empty recording; <paramref name="wall"/> stamps wall time (default: the system clock).</summary>
    public TrafficRecorder(TimeProvider? wall = null)
    {
        _wall = wall ?? TimeProvider.System;
    }

    /// <summary>Raised after each frame is recorded.</summary>
    public event Action<RecordedFrame>? Recorded;

    /// <summary>A snapshot of every frame so far, in order.</summary>
    public IReadOnlyList<RecordedFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>Starts a query over the frames recorded so far.</summary>
    public TrafficQuery Query() => new(Frames);

    /// <summary>Records a frame a station saw, at <paramref name="virtualTime"/> on the scenario's simulated clock.</summary>
    public RecordedFrame Record(string stationId, OcppFrameEvent frame, DateTimeOffset virtualTime)
    {
        ArgumentNullException.ThrowIfNull(frame);
        // Passwords set over OCPP never reach traffic files, reports or failure messages.
        var raw = FrameSecrets.Masked(frame.Raw);
        var payload = PayloadOf(frame.MessageType, raw);
        RecordedFrame recorded;
        lock (_gate)
        {
            recorded = new RecordedFrame(
                _frames.Count + 1,
                stationId,
                frame.Direction,
                frame.MessageType,
                frame.MessageId,
                frame.Action,
                payload,
                raw,
                _wall.GetUtcNow(),
                virtualTime,
                frame.Latency,
                [.. frame.Violations.Select(v => v.ToString()), .. frame.Note is { } note ? [note] : Array.Empty<string>()],
                frame.ErrorCode);
            _frames.Add(recorded);
        }

        Recorded?.Invoke(recorded);
        return recorded;
    }

    /// <summary>Writes the recording as NDJSON (one JSON object per frame) to <paramref name="path"/>, atomically.</summary>
    public void SaveNdjson(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            WriteNdjson(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes the recording as NDJSON to <paramref name="stream"/>.</summary>
    public void WriteNdjson(Stream stream)
    {
        foreach (var frame in Frames)
        {
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteNumber("seq", frame.Sequence);
                writer.WriteString("station", frame.StationId);
                writer.WriteString("direction", frame.Direction == FrameDirection.Outbound ? "station→csms" : "csms→station");
                writer.WriteString("type", frame.MessageType?.ToString());
                writer.WriteString("messageId", frame.MessageId);
                writer.WriteString("action", frame.Action);
                writer.WriteString("wallTime", frame.WallTime);
                writer.WriteString("virtualTime", frame.VirtualTime);
                if (frame.Latency is { } latency)
                {
                    writer.WriteNumber("latencyMs", Math.Round(latency.TotalMilliseconds, 3));
                }

                if (frame.ErrorCode is { } code)
                {
                    writer.WriteString("errorCode", code);
                }

                writer.WriteBoolean("schemaValid", frame.Violations.Count == 0);
                if (frame.Violations.Count > 0)
                {
                    writer.WriteStartArray("violations");
                    foreach (var violation in frame.Violations)
                    {
                        writer.WriteStringValue(violation);
                    }

                    writer.WriteEndArray();
                }

                if (frame.Payload is { } payload)
                {
                    writer.WritePropertyName("payload");
                    payload.WriteTo(writer);
                }

                writer.WriteString("raw", frame.Raw);
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>A readable transcript: one line per frame.</summary>
    public string Transcript()
    {
        var text = new StringBuilder();
        foreach (var frame in Frames)
        {
            text.AppendLine(frame.ToString());
        }

        return text.ToString();
    }

    private static JsonElement? PayloadOf(OcppMessageType? messageType, string raw)
    {
        if (messageType is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            var root = document.RootElement;
            var index = messageType switch
            {
                OcppMessageType.Call or OcppMessageType.Send => 3,
                OcppMessageType.CallResult => 2,
                _ => 4,
            };
            return root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > index ? root[index].Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

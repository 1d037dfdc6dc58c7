using System.Text.Json;
using System.Text.Json.Serialization;

namespace DerSim.Sim.Load;

/// <summary>
/// Reads and writes <c>summary.json</c> (<see cref="LoadSummary"/>, <c>"format": "dersim-load-summary/1"</c>). Latency
/// histograms are written with their percentiles in milliseconds for people, and their buckets for merging; reading
/// takes the buckets and ignores the percentiles.
/// </summary>
public static class LoadSummaryJson
{
    /// <summary>The value of the top-level <c>format</c> field.</summary>
    public const string Format = "dersim-load-summary/1";

    /// <summary>The file name in a run's report folder.</summary>
    public const string FileName = "summary.json";

    /// <summary>The document for <paramref name="summary"/>.</summary>
    public static string Write(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var document = new LoadSummaryDocument { Format = Format, Summary = summary };
        return JsonSerializer.Serialize(document, LoadSummaryJsonContext.Default.LoadSummaryDocument);
    }

    /// <summary>
    /// Reads a summary; throws <see cref="InvalidDataException"/> with a one-line message naming the line and JSON path
    /// when the text is not a summary of this format.
    /// </summary>
    public static LoadSummary Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CheckFormat(json);
        LoadSummaryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, LoadSummaryJsonContext.Default.LoadSummaryDocument);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, {e.Path ?? "$"}" : e.Path ?? "$";
            throw new InvalidDataException($"{where}: not a DerSim load summary ({FirstLine(e.Message)})", e);
        }

        return document?.Summary ?? throw new InvalidDataException("$.summary: missing");
    }

    /// <summary>Refuses another kind of document before its fields are read, so the error names the format, not a field.</summary>
    private static void CheckFormat(string json)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"line {(e.LineNumber ?? 0) + 1}, $: not JSON ({FirstLine(e.Message)})", e);
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"line 1, $: not a DerSim load summary (expected an object, found {root.ValueKind.ToString().ToLowerInvariant()})");
            }

            var found = root.TryGetProperty("format", out var format) ? format.ValueKind == JsonValueKind.String ? $"\"{format.GetString()}\"" : format.GetRawText() : "nothing";
            if (found != $"\"{Format}\"")
            {
                throw new InvalidDataException($"$.format: expected \"{Format}\", found {found}");
            }

            if (!root.TryGetProperty("summary", out _))
            {
                throw new InvalidDataException("$.summary: missing");
            }
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n', '.']);
        return end < 0 ? message : message[..end];
    }
}

/// <summary>The file's top level: the format marker, then the summary.</summary>
internal sealed record LoadSummaryDocument
{
    public string? Format { get; init; }

    public LoadSummary? Summary { get; init; }
}

/// <summary>Writes a <see cref="LatencySnapshot"/> as count, min/mean/percentiles/max in ms and sparse buckets <c>[[index, count], …]</c>.</summary>
internal sealed class LatencySnapshotConverter : JsonConverter<LatencySnapshot>
{
    public override LatencySnapshot Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("expected a latency object");
        }

        long Long(string name) => root.TryGetProperty(name, out var v) && v.TryGetInt64(out var l) ? l : throw new JsonException($"expected an integer \"{name}\"");
        var buckets = new List<LatencyBucket>();
        if (!root.TryGetProperty("buckets", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("expected an array \"buckets\"");
        }

        foreach (var pair in list.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                || !pair[0].TryGetInt32(out var index) || index < 0 || index >= LatencyHistogram.BucketCount
                || !pair[1].TryGetInt64(out var count) || count < 0)
            {
                throw new JsonException($"expected buckets as [index 0-{LatencyHistogram.BucketCount - 1}, count]");
            }

            buckets.Add(new LatencyBucket(index, count));
        }

        var snapshot = new LatencySnapshot(Long("count"), Long("minUs"), Long("maxUs"), Long("sumUs"), buckets);
        if (buckets.Sum(b => b.Count) != snapshot.Count)
        {
            throw new JsonException("the buckets' counts do not add up to \"count\"");
        }

        return snapshot;
    }

    public override void Write(Utf8JsonWriter writer, LatencySnapshot value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("count", value.Count);
        writer.WriteNumber("p50Ms", Ms(value.PercentileMicros(50)));
        writer.WriteNumber("p95Ms", Ms(value.PercentileMicros(95)));
        writer.WriteNumber("p99Ms", Ms(value.PercentileMicros(99)));
        writer.WriteNumber("maxMs", Ms(value.MaxMicros));
        writer.WriteNumber("meanMs", Math.Round(value.MeanMicros / 1000, 3));
        writer.WriteNumber("minUs", value.MinMicros);
        writer.WriteNumber("maxUs", value.MaxMicros);
        writer.WriteNumber("sumUs", value.SumMicros);
        writer.WriteStartArray("buckets");
        foreach (var bucket in value.Buckets)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(bucket.Index);
            writer.WriteNumberValue(bucket.Count);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(LatencySnapshotConverter)])]
[JsonSerializable(typeof(LoadSummaryDocument))]
internal sealed partial class LoadSummaryJsonContext : JsonSerializerContext;

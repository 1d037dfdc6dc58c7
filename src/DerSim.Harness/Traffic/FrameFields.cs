using System.Globalization;
using System.Text.Json;

namespace DerSim.Harness.Traffic;

/// <summary>Reading the fields assertions need out of OCPP payloads of every version.</summary>
public static class FrameFields
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonPathQuery> Paths = new(StringComparer.Ordinal);

    /// <summary>The EVSE a payload is about: 2.x evseId or evse.id, 1.6 connectorId (1.6 has one connector per EVSE here).</summary>
    public static int? EvseOf(JsonElement payload)
    {
        if (payload.TryGetProperty("evseId", out var evseId) && evseId.ValueKind == JsonValueKind.Number)
        {
            return evseId.GetInt32();
        }

        if (payload.TryGetProperty("evse", out var evse) && evse.ValueKind == JsonValueKind.Object
            && evse.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number)
        {
            return id.GetInt32();
        }

        return payload.TryGetProperty("connectorId", out var connector) && connector.ValueKind == JsonValueKind.Number
            ? connector.GetInt32()
            : null;
    }

    /// <summary>
    /// Every meter value of a station CALL (MeterValues, TransactionEvent, 1.6 StopTransaction's transactionData) as
    /// (timestamp, sampled value) pairs.
    /// </summary>
    public static IEnumerable<(DateTimeOffset At, JsonElement Sample)> Samples(string action, JsonElement payload)
    {
        var arrayName = action switch
        {
            "MeterValues" => "meterValue",
            "TransactionEvent" => "meterValue",
            "StopTransaction" => "transactionData",
            _ => null,
        };
        if (arrayName is null || !payload.TryGetProperty(arrayName, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var meterValue in array.EnumerateArray())
        {
            var at = meterValue.GetProperty("timestamp").GetDateTimeOffset();
            foreach (var sample in meterValue.GetProperty("sampledValue").EnumerateArray())
            {
                yield return (at, sample);
            }
        }
    }

    /// <summary>A sample's measurand; OCPP's default is Energy.Active.Import.Register when absent.</summary>
    public static string MeasurandOf(JsonElement sample) =>
        sample.TryGetProperty("measurand", out var m) && m.GetString() is { } text ? text : "Energy.Active.Import.Register";

    /// <summary>A sample's value (1.6 sends it as a string, 2.x as a number).</summary>
    public static decimal ValueOf(JsonElement sample)
    {
        var value = sample.GetProperty("value");
        return value.ValueKind == JsonValueKind.String
            ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : value.GetDecimal();
    }

    /// <summary>A sample's phase, or null for the total.</summary>
    public static string? PhaseOf(JsonElement sample) => sample.TryGetProperty("phase", out var p) ? p.GetString() : null;

    /// <summary>A sample's value in the base unit: kW and kWh given by the unit are turned into W and Wh.</summary>
    public static decimal BaseValueOf(JsonElement sample)
    {
        var value = ValueOf(sample);
        var unit = sample.TryGetProperty("unit", out var u) ? u.GetString()
            : sample.TryGetProperty("unitOfMeasure", out var uom) && uom.TryGetProperty("unit", out var uu) ? uu.GetString() : null;
        var multiplier = sample.TryGetProperty("unitOfMeasure", out var um) && um.TryGetProperty("multiplier", out var mul) ? mul.GetInt32() : 0;
        value *= (decimal)Math.Pow(10, multiplier);
        return unit is "kW" or "kWh" or "kvar" or "kvarh" or "kVA" ? value * 1000 : value;
    }

    /// <summary>
    /// The value at a JSON path such as <c>$.idTagInfo.status</c>, <c>transactionInfo.chargingState</c> or
    /// <c>meterValue[0].sampledValue[1].value</c>; null when absent.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a path of that form.</exception>
    public static JsonElement? At(JsonElement root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // One path reader (JsonPathQuery) serves steps, traffic queries and the Http driver's success checks; paths
        // are few, so each is parsed once.
        var query = Paths.GetOrAdd(path, static text =>
        {
            var rooted = text.StartsWith('$') ? text : text.StartsWith('[') ? "$" + text : "$." + text;
            return JsonPathQuery.TryParse(rooted, out var error) ?? throw new ArgumentException($"'{text}' is not a field path such as transactionInfo.chargingState or meterValue[0].sampledValue[1].value ({error})", nameof(path));
        });
        return query.Select(root);
    }

    /// <summary>A JSON value as text for comparisons: strings without quotes, others as written.</summary>
    public static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>
    /// Whether <paramref name="value"/> is what a step wrote as <paramref name="expected"/>: the same text, or for a
    /// number the same value ("-20000" matches -20000.0, whichever way the sender wrote it).
    /// </summary>
    public static bool Matches(JsonElement value, string expected) =>
        Text(value) == expected
        || (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            && decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var written) && number == written);
}

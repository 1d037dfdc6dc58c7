using System.Globalization;
using System.Text.Json;

namespace DerSim.Sim.Ocpp.Json;

/// <summary>Reads one array item in a generated object converter.</summary>
public delegate T OcppItemReader<out T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>
/// Value readers shared by the generated object converters. They accept what System.Text.Json's default converters
/// accept for the same C# types (strict number handling, null only where the C# type allows it) and throw
/// <see cref="JsonException"/> otherwise, so a malformed payload fails the same way it did before.
/// </summary>
public static class OcppObjectJson
{
    /// <summary>Throws unless the reader is on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {typeName}, got {reader.TokenType}.");
        }
    }

    /// <summary>The error for required properties absent from the payload.</summary>
    public static JsonException MissingRequired(string typeName, IEnumerable<string> missing) =>
        new($"{typeName} is missing required properties: {string.Join(", ", missing)}.");

    /// <summary>A string or null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Unexpected(reader.TokenType, "a string"),
    };

    /// <summary>A 32-bit integer.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw Unexpected(reader.TokenType, "a 32-bit integer");

    /// <summary>A 32-bit integer or null.</summary>
    public static int? ReadNullableInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadInt32(ref reader);

    /// <summary>A decimal number.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
            ? value
            : throw Unexpected(reader.TokenType, "a decimal number");

    /// <summary>A decimal number or null.</summary>
    public static decimal? ReadNullableDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDecimal(ref reader);

    /// <summary>true or false.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(reader.TokenType, "a boolean"),
    };

    /// <summary>true, false or null.</summary>
    public static bool? ReadNullableBoolean(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadBoolean(ref reader);

    /// <summary>An RFC 3339 date-time string.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw Unexpected(reader.TokenType, "a date-time string");

    /// <summary>An RFC 3339 date-time string or null.</summary>
    public static DateTimeOffset? ReadNullableDateTimeOffset(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDateTimeOffset(ref reader);

    /// <summary>An array read item by item, or null.</summary>
    public static List<T>? ReadList<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, OcppItemReader<T> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(reader.TokenType, "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(item(ref reader, options));
        }

        return list;
    }

    /// <summary>Writes a date-time as <see cref="OcppDateTimeOffsetConverter"/> does.</summary>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[40];
        var written = value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.TryFormat(buffer, out var n, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ? n : -1
            : value.TryFormat(buffer, out n, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture) ? n : -1;
        writer.WriteStringValue(buffer[..written]);
    }

    private static JsonException Unexpected(JsonTokenType token, string expected) =>
        new($"Expected {expected}, got {token}.");
}

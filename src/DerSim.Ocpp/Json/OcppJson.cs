using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DerSim.Ocpp.Json.Converters;

namespace DerSim.Ocpp.Json;

/// <summary>
/// (De)serialises OCPP payloads with a version's source-generated metadata. Nulls are left out; non-ASCII text is
/// written as is (peers compare identifiers byte for byte, and "\u00e9" escapes only bloat the frame); date-times in
/// UTC end in "Z".
/// </summary>
public static class OcppJson
{
    private static readonly ConcurrentDictionary<IOcppActionTable, JsonSerializerOptions> OptionsByTable = new();

    /// <summary>The serializer options for <paramref name="table"/>'s message types (cached, read-only).</summary>
    public static JsonSerializerOptions Options(IOcppActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return OptionsByTable.GetOrAdd(table, static t =>
        {
            var options = new JsonSerializerOptions
            {
                TypeInfoResolver = t.TypeInfoResolver,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                Converters = { new OcppDateTimeOffsetConverter() },
            };
            options.MakeReadOnly();
            return options;
        });
    }

    /// <summary>Serialises a message of a statically known type.</summary>
    public static string Serialize<T>(T value, IOcppActionTable table) =>
        JsonSerializer.Serialize(value, Options(table));

    /// <summary>Serialises a message whose type is known at run time (e.g. <see cref="OcppAction.RequestType"/>).</summary>
    public static string Serialize(object value, Type type, IOcppActionTable table) =>
        JsonSerializer.Serialize(value, type, Options(table));

    /// <summary>Serialises a message to a <see cref="JsonElement"/>, for embedding in a frame.</summary>
    public static JsonElement SerializeToElement(object value, Type type, IOcppActionTable table) =>
        JsonSerializer.SerializeToElement(value, type, Options(table));

    /// <summary>
    /// The member of a generated enum whose wire name (the schema's exact string) is <paramref name="name"/>, read by the
    /// version's own converter; remembered per version, as meter samples ask for the same few names over and over.
    /// </summary>
    /// <exception cref="JsonException"><paramref name="name"/> is not one of the enum's names in that version.</exception>
    public static TEnum ParseName<TEnum>(string name, IOcppActionTable table)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(table);
        return Names<TEnum>.Cache.GetOrAdd((table.Version, name), static (key, t) => Deserialize<TEnum>(JsonSerializer.Serialize(key.Name), t), table);
    }

    /// <summary>Reads a message of a statically known type.</summary>
    /// <exception cref="JsonException">The text is not a valid <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json, IOcppActionTable table) =>
        JsonSerializer.Deserialize<T>(json, Options(table))
        ?? throw new JsonException($"The payload is null, expected a {typeof(T).Name} object.");

    /// <summary>Reads a message whose type is known at run time.</summary>
    /// <exception cref="JsonException">The text is not a valid <paramref name="type"/>.</exception>
    public static object Deserialize(string json, Type type, IOcppActionTable table) =>
        JsonSerializer.Deserialize(json, type, Options(table))
        ?? throw new JsonException($"The payload is null, expected a {type.Name} object.");

    /// <summary>Reads a message from a frame's payload element.</summary>
    /// <exception cref="JsonException">The element is not a valid <paramref name="type"/>.</exception>
    public static object Deserialize(JsonElement payload, Type type, IOcppActionTable table) =>
        payload.Deserialize(type, Options(table))
        ?? throw new JsonException($"The payload is null, expected a {type.Name} object.");

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<(OcppVersion Version, string Name), TEnum> Cache = new();
    }
}

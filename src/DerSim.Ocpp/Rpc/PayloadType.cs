using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DerSim.Ocpp.Rpc;

/// <summary>Reads one payload object under the reader, leaving the reader on its last token.</summary>
internal delegate object? PayloadReader(ref Utf8JsonReader reader);

/// <summary>Writes one payload object.</summary>
internal delegate void PayloadWriter(Utf8JsonWriter writer, object? value);

/// <summary>
/// A payload type's serializer metadata, and a reader and a writer that run its converter straight on the frame's
/// reader and writer.
/// <c>JsonSerializer.Deserialize(ref reader, …)</c> would first skip the value to find its end and then read it
/// again from a new reader: two passes, which is what reading the payload in the frame's pass is meant to avoid.
/// </summary>
internal sealed class PayloadType
{
    private PayloadType(JsonTypeInfo info, PayloadReader read, PayloadWriter write)
    {
        Info = info;
        Read = read;
        Write = write;
    }

    /// <summary>The metadata, for the ordinary <c>JsonSerializer</c> path.</summary>
    public JsonTypeInfo Info { get; }

    /// <summary>The one-pass reader.</summary>
    public PayloadReader Read { get; }

    /// <summary>The writer: the converter itself, without the serializer's per-call set-up.</summary>
    public PayloadWriter Write { get; }

    /// <summary>The payload type of <typeparamref name="T"/> described by <paramref name="info"/>.</summary>
    public static PayloadType Create<T>(JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Converter is JsonConverter<T> converter)
        {
            var options = info.Options;
            return new PayloadType(
                info,
                (ref Utf8JsonReader reader) => converter.Read(ref reader, typeof(T), options),
                (writer, value) => converter.Write(writer, (T)value!, options));
        }

        return new PayloadType(
            info,
            (ref Utf8JsonReader reader) => JsonSerializer.Deserialize(ref reader, info),
            (writer, value) => JsonSerializer.Serialize(writer, value, info));
    }
}

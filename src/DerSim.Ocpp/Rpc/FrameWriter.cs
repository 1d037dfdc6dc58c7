using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DerSim.Ocpp.Rpc;

/// <summary>Builds frame text around an already-serialised UTF-8 payload, so payloads are written once.</summary>
internal static class FrameWriter
{
    /// <summary>OCPP 2.x limits errorDescription to 255 characters; 1.6 sets no limit, but shorter is kinder.</summary>
    public const int MaxErrorDescriptionLength = 255;

    /// <summary>A frame's buffer is kept for the next frame on the thread unless it grew past this.</summary>
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Looks at the payload bytes before the frame becomes text; throwing abandons the frame.</summary>
    public delegate void PayloadCheck(ReadOnlySpan<byte> payload);

    /// <summary>
    /// Serialises <paramref name="payload"/> straight into the frame after its header, so the payload bytes are
    /// neither buffered on their own nor copied; <paramref name="check"/> (e.g. schema validation) sees them in place.
    /// </summary>
    public static string Request(OcppMessageType type, string messageId, string action, object? payload, PayloadType payloadType, PayloadCheck? check)
    {
        var buffer = TakeBuffer();
        try
        {
            var options = payloadType.Info.Options;

            // Structure checks off: the header is ours and the payload comes from generated converters, which
            // write well-formed JSON; the checks cost ~10 % of a TransactionEvent's encoding.
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true });
            writer.WriteStartArray();
            writer.WriteNumberValue((int)type);
            writer.WriteStringValue(messageId);
            writer.WriteStringValue(action);
            writer.Flush();

            // The converter writes the separating comma first.
            var payloadStart = buffer.WrittenCount + 1;
            payloadType.Write(writer, payload);
            writer.Flush();
            check?.Invoke(buffer.WrittenSpan[payloadStart..]);
            writer.WriteEndArray();
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            KeepBuffer(buffer);
        }
    }

    /// <summary>A CALL or SEND around an already-serialised payload (a message of the transaction queue), in the thread's buffer.</summary>
    public static string Request(OcppMessageType type, string messageId, string action, ReadOnlySpan<byte> payload) =>
        Around(payload, (int)type, messageId, action);

    /// <summary>A CALLRESULT around an already-serialised payload, in the thread's buffer.</summary>
    public static string Result(string messageId, ReadOnlySpan<byte> payload) =>
        Around(payload, (int)OcppMessageType.CallResult, messageId, null);

    // [type, id, (action,) payload] in the thread's kept buffer: a frame costs its string, not a buffer and its growth.
    private static string Around(ReadOnlySpan<byte> payload, int type, string messageId, string? action)
    {
        var buffer = TakeBuffer();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(type);
                writer.WriteStringValue(messageId);
                if (action is not null)
                {
                    writer.WriteStringValue(action);
                }

                writer.WriteRawValue(payload, skipInputValidation: true);
                writer.WriteEndArray();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            KeepBuffer(buffer);
        }
    }

    // The thread's frame buffer, emptied (a new one when the thread has none or a frame of its is being written).
    private static ArrayBufferWriter<byte> TakeBuffer()
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(2048);
        t_buffer = null;
        buffer.ResetWrittenCount();
        return buffer;
    }

    // Kept for the thread's next frame unless a large frame grew it.
    private static void KeepBuffer(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= KeptBufferBytes)
        {
            t_buffer = buffer;
        }
    }

    public static string Error(OcppMessageType type, string messageId, string code, string description, JsonElement? details)
    {
        if (description.Length > MaxErrorDescriptionLength)
        {
            description = description[..(MaxErrorDescriptionLength - 1)] + "…";
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue((int)type);
            writer.WriteStringValue(messageId);
            writer.WriteStringValue(code);
            writer.WriteStringValue(description);
            if (details is { ValueKind: JsonValueKind.Object } d)
            {
                d.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static byte[] ToUtf8(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace DerSim.Ocpp.Json.Converters;

/// <summary>
/// Writes date-times the way OCPP peers expect them: in UTC as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (the default converter
/// writes "+00:00" and up to seven fractional digits, which strict CSMSes reject). Reads any RFC 3339 date-time.
/// </summary>
public sealed class OcppDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        OcppObjectJson.WriteDateTimeOffset(writer, value);
}

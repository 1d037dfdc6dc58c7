using System.Text.Json;
using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>
/// Reads an enum only from its exact JSON name. JsonStringEnumConverter also accepts other
/// casings and numbers, which would let <c>"ac"</c> or <c>0</c> slip through a profile.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName =
        Enum.GetValues<TEnum>().ToDictionary(v => EnumJsonNames.Of(v), StringComparer.Ordinal);

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The message wording matches System.Text.Json's own so error reporting treats both alike.
        if (reader.TokenType != JsonTokenType.String || !ByName.TryGetValue(reader.GetString()!, out var value))
        {
            throw new JsonException($"The JSON value could not be converted to {typeof(TEnum).FullName}.");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EnumJsonNames.Of(value));
}

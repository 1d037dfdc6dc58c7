using System.Text.Json;

namespace DerSim.Ocpp.Json.Converters;

/// <summary>
/// The uncommon paths of the generated enum converters: escaped or segmented strings, and the errors. The common
/// path (an unescaped string compared byte for byte with the schema's UTF-8 literals) is generated per enum.
/// </summary>
public static class OcppEnumJson
{
    /// <summary>Reads the current string or property name and maps it to a value by exact (ordinal) name.</summary>
    /// <exception cref="JsonException">The token is not a string, or the string is none of <paramref name="names"/>.</exception>
    public static T ReadSlow<T>(ref Utf8JsonReader reader, string typeName, string[] names, T[] values)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException($"Expected a string for {typeName}, got {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        var index = Array.IndexOf(names, text);
        return index >= 0 ? values[index] : throw Unknown(text, typeName, names);
    }

    /// <summary>The error for a string that names no value of the enumeration.</summary>
    public static JsonException Unknown(string text, string typeName, string[] names) =>
        new($"\"{text}\" is not a {typeName} value; allowed: {string.Join(", ", names)}.");

    /// <summary>The error for writing a number that is not a member of the enumeration.</summary>
    public static JsonException Undefined<T>(T value, string typeName)
        where T : struct, Enum =>
        new($"{value} is not a defined {typeName} value.");
}

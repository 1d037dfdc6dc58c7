using System.Text.Json;
using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>The JSON settings for profile files, shared by loading and writing.</summary>
public static class EvseProfileJson
{
    /// <summary>
    /// camelCase, unknown properties rejected (a typo must not silently fall back to a default),
    /// required constructor parameters and nullability enforced, enums only as their names.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            NumberHandling = JsonNumberHandling.Strict,
            // A repeated key is almost always a copy-paste slip; last-one-wins would hide it.
            AllowDuplicateProperties = false,
            // Web defaults match names case-insensitively, which would let "maxkw" pass for "maxKw".
            PropertyNameCaseInsensitive = false,
            WriteIndented = true,
            // Options converters take precedence over the enums' own attributes.
            Converters =
            {
                new StrictEnumConverter<ConnectorType>(),
                new StrictEnumConverter<CurrentType>(),
                new StrictEnumConverter<EnergyTransferMode>(),
            },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

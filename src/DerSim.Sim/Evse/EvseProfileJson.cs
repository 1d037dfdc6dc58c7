using System.Text.Json;
using System.Text.Json.Serialization;

namespace DerSim.Sim.Evse;

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
            WriteIndented = true,
            // Options converters take precedence over the enums' own attributes; these refuse integers.
            Converters =
            {
                new JsonStringEnumConverter<ConnectorType>(namingPolicy: null, allowIntegerValues: false),
                new JsonStringEnumConverter<CurrentType>(namingPolicy: null, allowIntegerValues: false),
                new JsonStringEnumConverter<EnergyTransferMode>(namingPolicy: null, allowIntegerValues: false),
            },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

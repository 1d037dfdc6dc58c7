using System.Text.Json;
using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>The source-generated serializer of profile files: the settings of <see cref="EvseProfileJson.Options"/>.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
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
    Converters = [typeof(StrictEnumConverter<ConnectorType>), typeof(StrictEnumConverter<CurrentType>), typeof(StrictEnumConverter<EnergyTransferMode>)])]
[JsonSerializable(typeof(EvseProfile))]
internal sealed partial class EvseProfileJsonContext : JsonSerializerContext;

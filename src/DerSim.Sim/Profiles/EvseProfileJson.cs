using System.Text.Json;
using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>The JSON settings for profile files, shared by loading and writing.</summary>
public static class EvseProfileJson
{
    /// <summary>
    /// camelCase, unknown properties rejected (a typo must not silently fall back to a default),
    /// required constructor parameters and nullability enforced, enums only as their names; the metadata is
    /// source-generated (<see cref="EvseProfileJsonContext"/>), so reading a profile at start-up builds no
    /// serializer by reflection.
    /// </summary>
    public static JsonSerializerOptions Options => EvseProfileJsonContext.Default.Options;
}

using NJsonSchema;

namespace DerSim.Ocpp.Validation;

/// <summary>
/// Lower bounds the specification text states but the 1.6 and 2.0.1 JSON schemas leave out. OCPP 2.1's schemas
/// carry them as <c>minimum: 0</c> (ChargingProfileType.stackLevel, SetChargingProfileRequest.evseId), so a 2.1 peer
/// answers a negative value with PropertyConstraintViolation; adding the same keyword to the older versions' schemas
/// makes the one schema check answer them the same way, whichever schemas (built or official) are in use.
/// </summary>
internal static class SpecTextMinimums
{
    // (version, action, request property path). 1.6 §7.13 ChargingProfile.stackLevel and 2.0.1 ChargingProfileType
    // ("Lowest level is 0"); 1.6 §6.43 SetChargingProfile.req connectorId and 2.0.1 SetChargingProfileRequest evseId
    // (0 = the whole station, EVSEs count from 1).
    private static readonly (OcppVersion Version, string Action, string[] Path)[] Requests =
    [
        (OcppVersion.V16, "SetChargingProfile", ["connectorId"]),
        (OcppVersion.V16, "SetChargingProfile", ["csChargingProfiles", "stackLevel"]),
        (OcppVersion.V16, "RemoteStartTransaction", ["chargingProfile", "stackLevel"]),
        (OcppVersion.V201, "SetChargingProfile", ["evseId"]),
        (OcppVersion.V201, "SetChargingProfile", ["chargingProfile", "stackLevel"]),
        (OcppVersion.V201, "RequestStartTransaction", ["chargingProfile", "stackLevel"]),
    ];

    /// <summary>Adds <c>minimum: 0</c> to the properties of <paramref name="schema"/> listed for this version and action.</summary>
    public static JsonSchema Apply(OcppVersion version, string action, PayloadKind kind, JsonSchema schema)
    {
        if (kind != PayloadKind.Request)
        {
            return schema;
        }

        foreach (var (v, a, path) in Requests)
        {
            if (v == version && a == action && Find(schema, path) is { } property)
            {
                property.Minimum = 0;
            }
        }

        return schema;
    }

    private static JsonSchema? Find(JsonSchema root, string[] path)
    {
        JsonSchema current = root;
        foreach (var name in path)
        {
            if (!current.ActualSchema.ActualProperties.TryGetValue(name, out var property))
            {
                return null;
            }

            current = property;
        }

        return current;
    }
}

using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Validation;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Sim.Tests.SmartCharging;

/// <summary>Serialises a converted message and checks it against our schemas and, when present, the official ones.</summary>
internal static class SchemaCheck
{
    public static string Valid<T>(OcppVersion version, string action, PayloadKind kind, T message)
        where T : notnull
    {
        var json = OcppJson.Serialize(message, OcppActionTables.For(version));
        RoundTrip.Check(version, action, kind, json);
        return json;
    }

    public static T Read<T>(OcppVersion version, string json) =>
        OcppJson.Deserialize<T>(json, OcppActionTables.For(version));
}

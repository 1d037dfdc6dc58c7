using System.Text.Json.Nodes;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>Literal-frame round trips: the payload validates, deserialises to its record and reserialises to equal JSON.</summary>
internal static class RoundTrip
{
    private static readonly OcppSchemaValidator Ours = new();
    private static readonly Lazy<OcppSchemaValidator?> Official = new(() =>
        RepoPaths.OfficialSchemas is { } root ? new OcppSchemaValidator(root) : null);

    /// <summary>Checks the round trip and returns the typed message for further assertions.</summary>
    public static object Check(OcppVersion version, string action, PayloadKind kind, string json)
    {
        var table = OcppActionTables.For(version);
        table.TryGet(action, out var a).ShouldBeTrue(action);
        var type = kind == PayloadKind.Request ? a!.RequestType : a!.ResponseType;

        Ours.Validate(version, action, kind, json).ShouldBeEmpty("our schema: " + json);
        Official.Value?.Validate(version, action, kind, json).ShouldBeEmpty("official schema: " + json);

        var message = OcppJson.Deserialize(json, type, table);
        message.GetType().ShouldBe(type);
        var again = OcppJson.Serialize(message, type, table);

        JsonEqual(JsonNode.Parse(again), JsonNode.Parse(json)).ShouldBeTrue($"reserialised:\n{again}\nliteral:\n{json}");
        return message;
    }

    /// <summary>Deep JSON equality: object member order ignored, numbers compared by their exact text.</summary>
    public static bool JsonEqual(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.ContainsKey(p.Key) && JsonEqual(p.Value, y[p.Key])),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => JsonEqual(p.First, p.Second)),
        (JsonValue x, JsonValue y) => x.ToJsonString() == y.ToJsonString(),
        _ => false,
    };
}

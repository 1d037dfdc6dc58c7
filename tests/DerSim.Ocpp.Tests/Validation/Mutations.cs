using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DerSim.Ocpp.Schema;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>Derives invalid payloads from a full valid example, guided by the message type's metadata.</summary>
internal static class Mutations
{
    public static IEnumerable<InvalidCase> For(MessageCase m, JsonObject example)
    {
        var required = Props(m.SchemaType).FirstOrDefault(p => p.Property.IsDefined(typeof(JsonRequiredAttribute)));
        if (required.Name is not null)
        {
            var o = Clone(example);
            o.Remove(required.Name);
            yield return new InvalidCase(m, "MissingRequired_" + required.Name, o.ToJsonString(), SchemaViolationKind.Occurrence);
        }

        var o2 = Clone(example);
        if (Find(m.SchemaType, o2, (_, t) => t.IsEnum) is { } e)
        {
            Replace(e.Parent, e.Name, "NotAnOcppValue");
            yield return new InvalidCase(m, "UnknownEnum_" + e.Name, o2.ToJsonString(), SchemaViolationKind.Property);
        }

        var o3 = Clone(example);
        if (Find(m.SchemaType, o3, (p, _) => p.PropertyType == typeof(string) && p.GetCustomAttributes<SchemaMaxLengthAttribute>().Any(a => !a.OnItems)) is { } s)
        {
            var max = s.Property.GetCustomAttributes<SchemaMaxLengthAttribute>().First(a => !a.OnItems).Length;
            s.Parent[s.Name] = new string('z', max + 1);
            yield return new InvalidCase(m, "TooLong_" + s.Name, o3.ToJsonString(), SchemaViolationKind.Property);
        }

        if (m.SchemaType.IsDefined(typeof(SchemaClosedAttribute)))
        {
            var o4 = Clone(example);
            o4["dersimUnexpected"] = 1;
            yield return new InvalidCase(m, "ExtraProperty", o4.ToJsonString(), SchemaViolationKind.UnknownProperty);
        }

        if (example.FirstOrDefault() is { Key: { } firstName, Value: { } firstValue })
        {
            var o5 = Clone(example);
            o5[firstName] = firstValue.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.String => JsonValue.Create(12345),
                System.Text.Json.JsonValueKind.Number => JsonValue.Create("12"),
                _ => JsonValue.Create(7),
            };
            yield return new InvalidCase(m, "WrongType_" + firstName, o5.ToJsonString(), SchemaViolationKind.Type);
        }
    }

    private static JsonObject Clone(JsonObject o) => o.DeepClone().AsObject();

    private static void Replace(JsonObject parent, string name, string value)
    {
        parent[name] = parent[name] is JsonArray ? new JsonArray(value) : JsonValue.Create(value);
    }

    private static IEnumerable<(string Name, PropertyInfo Property)> Props(Type t) =>
        t.GetProperties()
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name!, Property: p))
            .Where(p => p.Name is not null);

    private sealed record Hit(JsonObject Parent, string Name, PropertyInfo Property);

    /// <summary>Depth-first: the first property (by schema order) matching <paramref name="match"/>, with its JSON parent.</summary>
    private static Hit? Find(Type type, JsonObject node, Func<PropertyInfo, Type, bool> match)
    {
        foreach (var (name, property) in Props(type))
        {
            if (node[name] is not { } value)
            {
                continue;
            }

            var pt = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var elementType = pt.IsGenericType && pt.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? pt.GetGenericArguments()[0] : null;
            if (match(property, elementType ?? pt))
            {
                return new Hit(node, name, property);
            }

            var inner = elementType ?? pt;
            if (inner.IsClass && inner != typeof(string))
            {
                var child = value is JsonArray a ? a.FirstOrDefault() as JsonObject : value as JsonObject;
                if (child is not null && Find(inner, child, match) is { } hit)
                {
                    return hit;
                }
            }
        }

        return null;
    }
}

using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DerSim.Sim.Ocpp.Validation;

/// <summary>
/// Builds a JSON schema (draft-06 subset) from a generated message type: property names from
/// <see cref="JsonPropertyNameAttribute"/>, required from <see cref="JsonRequiredAttribute"/>, keywords from the
/// <see cref="SchemaConstraintAttribute"/> family, enum values from <see cref="JsonStringEnumMemberNameAttribute"/>.
/// Everything is inlined (no $ref): OCPP types are not recursive and the schemas stay small.
/// </summary>
public static class OcppSchemaBuilder
{
    /// <summary>The schema of <paramref name="messageType"/> as JSON text.</summary>
    public static string Build(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        var schema = ObjectSchema(messageType, 0);
        schema.Insert(0, "$schema", "http://json-schema.org/draft-06/schema#");
        return schema.ToJsonString();
    }

    private static JsonObject ObjectSchema(Type type, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException($"{type.Name}: type nesting too deep for a schema.");
        }

        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null || property.IsDefined(typeof(JsonExtensionDataAttribute)))
            {
                continue;
            }

            var constraints = property.GetCustomAttributes<SchemaConstraintAttribute>().ToList();
            properties[name] = ValueSchema(property.PropertyType, constraints, depth);
            if (property.IsDefined(typeof(JsonRequiredAttribute)))
            {
                required.Add(name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        if (type.IsDefined(typeof(SchemaClosedAttribute)))
        {
            schema["additionalProperties"] = false;
        }

        return schema;
    }

    private static JsonObject ValueSchema(Type type, IReadOnlyList<SchemaConstraintAttribute> constraints, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        JsonObject schema;
        if (ItemType(type) is { } item)
        {
            schema = new JsonObject
            {
                ["type"] = "array",
                ["items"] = ValueSchema(item, constraints.Where(c => c.OnItems).ToList(), depth + 1),
            };
            Apply(schema, constraints.Where(c => !c.OnItems));
            return schema;
        }

        schema = Scalar(type) ?? (type.IsEnum ? EnumSchema(type) : ObjectSchema(type, depth + 1));
        Apply(schema, constraints);
        return schema;
    }

    private static JsonObject? Scalar(Type type) =>
        type == typeof(string) ? new JsonObject { ["type"] = "string" }
        : type == typeof(int) || type == typeof(long) ? new JsonObject { ["type"] = "integer" }
        : type == typeof(decimal) || type == typeof(double) ? new JsonObject { ["type"] = "number" }
        : type == typeof(bool) ? new JsonObject { ["type"] = "boolean" }
        : type == typeof(DateTimeOffset) ? new JsonObject { ["type"] = "string", ["format"] = "date-time" }
        : type == typeof(JsonElement) ? new JsonObject()
        : null;

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0]
        : null;

    private static JsonObject EnumSchema(Type type)
    {
        var values = new JsonArray();
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            values.Add(field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name);
        }

        return new JsonObject { ["type"] = "string", ["enum"] = values };
    }

    private static void Apply(JsonObject schema, IEnumerable<SchemaConstraintAttribute> constraints)
    {
        foreach (var c in constraints)
        {
            switch (c)
            {
                case SchemaMaxLengthAttribute a: schema["maxLength"] = a.Length; break;
                case SchemaMinLengthAttribute a: schema["minLength"] = a.Length; break;
                case SchemaMinimumAttribute a: schema["minimum"] = (decimal)a.Value; break;
                case SchemaMaximumAttribute a: schema["maximum"] = (decimal)a.Value; break;
                case SchemaMultipleOfAttribute a: schema["multipleOf"] = decimal.Parse(a.Value, CultureInfo.InvariantCulture); break;
                case SchemaMinItemsAttribute a: schema["minItems"] = a.Count; break;
                case SchemaMaxItemsAttribute a: schema["maxItems"] = a.Count; break;
                case SchemaPatternAttribute a: schema["pattern"] = a.Pattern; break;
                case SchemaFormatAttribute a: schema["format"] = a.Format; break;
                default: throw new InvalidOperationException($"Unknown schema attribute {c.GetType().Name}.");
            }
        }
    }
}

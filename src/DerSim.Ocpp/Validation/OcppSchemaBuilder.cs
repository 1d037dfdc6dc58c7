using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using DerSim.Ocpp.Schema;
using NJsonSchema;

namespace DerSim.Ocpp.Validation;

/// <summary>
/// Builds the JSON schema of a generated message type: property names from <see cref="JsonPropertyNameAttribute"/>,
/// required from <see cref="JsonRequiredAttribute"/> or <see cref="SchemaRequiredAttribute"/>, keywords from the <see cref="SchemaConstraintAttribute"/>
/// family, enum values from <see cref="JsonStringEnumMemberNameAttribute"/>. Everything is inlined (no $ref): OCPP
/// types are not recursive.
/// </summary>
/// <remarks>
/// The schema is assembled as NJsonSchema objects rather than JSON text: parsing schema text costs about 300 ms on
/// first use (Newtonsoft contract building), which would delay the first BootNotification past its start-up budget.
/// </remarks>
public static class OcppSchemaBuilder
{
    /// <summary>The schema of <paramref name="messageType"/>, ready to validate with.</summary>
    public static JsonSchema BuildSchema(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return ObjectSchema(new JsonSchema(), messageType, 0);
    }

    /// <summary>The schema of <paramref name="messageType"/> as JSON text (draft-06 keywords), e.g. to publish it.</summary>
    public static string Build(Type messageType) => BuildSchema(messageType).ToJson();

    private static T ObjectSchema<T>(T schema, Type type, int depth)
        where T : JsonSchema
    {
        if (depth > 32)
        {
            throw new InvalidOperationException($"{type.Name}: type nesting too deep for a schema.");
        }

        schema.Type = JsonObjectType.Object;
        schema.AllowAdditionalProperties = !type.IsDefined(typeof(SchemaClosedAttribute));
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null || property.IsDefined(typeof(JsonExtensionDataAttribute)))
            {
                continue;
            }

            var constraints = property.GetCustomAttributes<SchemaConstraintAttribute>().ToList();
            schema.Properties[name] = ValueSchema(new JsonSchemaProperty(), property.PropertyType, constraints, depth);
            if (property.IsDefined(typeof(JsonRequiredAttribute)) || property.IsDefined(typeof(SchemaRequiredAttribute)))
            {
                schema.RequiredProperties.Add(name);
            }
        }

        return schema;
    }

    private static T ValueSchema<T>(T schema, Type type, IReadOnlyList<SchemaConstraintAttribute> constraints, int depth)
        where T : JsonSchema
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ItemType(type) is { } item)
        {
            schema.Type = JsonObjectType.Array;
            schema.Item = ValueSchema(new JsonSchema(), item, constraints.Where(c => c.OnItems).ToList(), depth + 1);
            Apply(schema, constraints.Where(c => !c.OnItems));
            return schema;
        }

        if (type == typeof(string))
        {
            schema.Type = JsonObjectType.String;
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            schema.Type = JsonObjectType.Integer;
        }
        else if (type == typeof(decimal) || type == typeof(double))
        {
            schema.Type = JsonObjectType.Number;
        }
        else if (type == typeof(bool))
        {
            schema.Type = JsonObjectType.Boolean;
        }
        else if (type == typeof(DateTimeOffset))
        {
            schema.Type = JsonObjectType.String;
            schema.Format = JsonFormatStrings.DateTime;
        }
        else if (type == typeof(JsonElement))
        {
            // Any JSON value (2.x DataTransfer data): no type keyword.
        }
        else if (type.IsEnum)
        {
            schema.Type = JsonObjectType.String;
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                schema.Enumeration.Add(field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name);
            }
        }
        else
        {
            ObjectSchema(schema, type, depth + 1);
        }

        Apply(schema, constraints);
        return schema;
    }

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0]
        : null;

    private static void Apply(JsonSchema schema, IEnumerable<SchemaConstraintAttribute> constraints)
    {
        foreach (var c in constraints)
        {
            switch (c)
            {
                case SchemaMaxLengthAttribute a: schema.MaxLength = a.Length; break;
                case SchemaMinLengthAttribute a: schema.MinLength = a.Length; break;
                case SchemaMinimumAttribute a: schema.Minimum = (decimal)a.Value; break;
                case SchemaMaximumAttribute a: schema.Maximum = (decimal)a.Value; break;
                case SchemaMultipleOfAttribute a: schema.MultipleOf = decimal.Parse(a.Value, CultureInfo.InvariantCulture); break;
                case SchemaMinItemsAttribute a: schema.MinItems = a.Count; break;
                case SchemaMaxItemsAttribute a: schema.MaxItems = a.Count; break;
                case SchemaPatternAttribute a: schema.Pattern = a.Pattern; break;
                case SchemaFormatAttribute a: schema.Format = a.Format; break;
                default: throw new InvalidOperationException($"Unknown schema attribute {c.GetType().Name}.");
            }
        }
    }
}

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Json.Converters;
using DerSim.Ocpp.Schema;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>
/// Builds a valid instance of a generated message type by reflection: required fields always, optional ones too
/// in the full variant, every value inside its schema constraints.
/// </summary>
internal static class ExampleBuilder
{
    public static readonly DateTimeOffset Timestamp = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    public static object Build(Type type, bool full) => BuildObject(type, full, 0);

    // The 2.0.1 shapes have no JSON context of their own: plain reflection with OCPP's enum and date-time spelling.
    private static readonly JsonSerializerOptions ShapeJson = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new OcppDateTimeOffsetConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// A valid payload as JSON, built in <paramref name="schemaType"/> (the version's own shape: an action's
    /// RequestSchemaType or ResponseSchemaType), so it holds only what the version has, and written as
    /// <paramref name="type"/> (the type carrying it, the same but in 2.0.1, which the 2.1 types carry).
    /// </summary>
    public static string Json(IOcppActionTable table, Type type, Type schemaType, bool full)
    {
        var example = Build(schemaType, full);
        if (schemaType != type)
        {
            example = OcppJson.Deserialize(JsonSerializer.Serialize(example, schemaType, ShapeJson), type, table);
        }

        return OcppJson.Serialize(example, type, table);
    }

    private static object BuildObject(Type type, bool full, int depth)
    {
        if (depth > 20)
        {
            throw new InvalidOperationException($"{type.Name}: too deep");
        }

        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters()
            .Select(p => Value(p.ParameterType, Constraints(type.GetProperty(p.Name!)!), full, depth))
            .ToArray();
        var instance = ctor.Invoke(args);
        if (!full)
        {
            return instance;
        }

        var ctorNames = ctor.GetParameters().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var property in type.GetProperties())
        {
            if (ctorNames.Contains(property.Name) || property.GetCustomAttribute<JsonPropertyNameAttribute>() is null
                || property.IsDefined(typeof(JsonExtensionDataAttribute)))
            {
                continue;
            }

            property.SetValue(instance, Value(property.PropertyType, Constraints(property), full, depth));
        }

        return instance;
    }

    private static List<SchemaConstraintAttribute> Constraints(PropertyInfo p) =>
        p.GetCustomAttributes<SchemaConstraintAttribute>().ToList();

    private static object Value(Type type, List<SchemaConstraintAttribute> c, bool full, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var own = c.Where(a => !a.OnItems).ToList();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = type.GetGenericArguments()[0];
            var min = own.OfType<SchemaMinItemsAttribute>().FirstOrDefault()?.Count ?? 1;
            var count = Math.Max(1, min);
            var array = Array.CreateInstance(item, count);
            for (var i = 0; i < count; i++)
            {
                array.SetValue(Value(item, c.Where(a => a.OnItems).ToList(), full, depth + 1), i);
            }

            return array;
        }

        if (type == typeof(string))
        {
            var max = own.OfType<SchemaMaxLengthAttribute>().FirstOrDefault()?.Length ?? 20;
            var minLength = own.OfType<SchemaMinLengthAttribute>().FirstOrDefault()?.Length ?? 1;
            if (own.OfType<SchemaFormatAttribute>().Any(f => f.Format == "uri"))
            {
                return "https://example.com/x"[..Math.Min(21, max)];
            }

            return new string('a', Math.Clamp(Math.Min(8, max), minLength, max));
        }

        if (type == typeof(int))
        {
            var min = own.OfType<SchemaMinimumAttribute>().FirstOrDefault()?.Value;
            var max = own.OfType<SchemaMaximumAttribute>().FirstOrDefault()?.Value;
            var v = 1.0;
            if (min is { } lo && v < lo) v = Math.Ceiling(lo);
            if (max is { } hi && v > hi) v = Math.Floor(hi);
            return (int)v;
        }

        if (type == typeof(decimal))
        {
            // 12.3 exercises the 1.6 multipleOf 0.1 rule, which a binary float would break.
            var min = own.OfType<SchemaMinimumAttribute>().FirstOrDefault()?.Value;
            var max = own.OfType<SchemaMaximumAttribute>().FirstOrDefault()?.Value;
            var v = 12.3m;
            if (min is { } lo && v < (decimal)lo) v = (decimal)lo;
            if (max is { } hi && v > (decimal)hi) v = (decimal)hi;
            return v;
        }

        if (type == typeof(bool)) return true;
        if (type == typeof(DateTimeOffset)) return Timestamp;
        if (type == typeof(JsonElement)) return JsonDocument.Parse("{\"vendorKey\":\"x\"}").RootElement.Clone();
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0)!;
        return BuildObject(type, full, depth + 1);
    }
}

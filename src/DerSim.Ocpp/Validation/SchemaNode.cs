using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace DerSim.Ocpp.Validation;

/// <summary>
/// One JSON schema, compiled from NJsonSchema's model into what <see cref="SchemaWalker"/> checks a
/// <see cref="System.Text.Json.JsonElement"/> against: the keywords OCPP's schemas use (type, properties, required,
/// additionalProperties, items, minItems, maxItems, minLength, maxLength, pattern, format, enum, minimum, maximum,
/// multipleOf; <c>$ref</c> resolved; formats date-time and uri checked, others ignored as JSON Schema allows). A schema using any other validation keyword is refused when compiled, so a
/// schema folder never validates less than it says.
/// </summary>
/// <remarks>
/// NJsonSchema reads and models the schemas (the official files, or those built from the message types); walking
/// its model per frame converted every payload to Newtonsoft tokens and allocated ~75 KB per MeterValues, which made
/// the reference CSMS's collections the slowest part of a 10,000-station load run (bench/README.md, "Fifth pass").
/// </remarks>
internal sealed class SchemaNode
{
    private SchemaNode()
    {
    }

    /// <summary>The JSON type the value must have; <see cref="JsonObjectType.None"/> when any goes.</summary>
    public JsonObjectType Type { get; private set; }

    /// <summary>Whether null is allowed (type includes "null").</summary>
    public bool Nullable { get; private set; }

    /// <summary>The declared properties, in schema order.</summary>
    public SchemaProperty[] Properties { get; private set; } = [];

    /// <summary>Required names that are not declared as properties.</summary>
    public string[] RequiredUndeclared { get; private set; } = [];

    /// <summary>Whether properties other than the declared ones are refused (additionalProperties: false).</summary>
    public bool Closed { get; private set; }

    /// <summary>The schema of every item of an array, if any.</summary>
    public SchemaNode? Items { get; private set; }

    /// <summary>minItems, or 0.</summary>
    public int MinItems { get; private set; }

    /// <summary>maxItems, or 0 (none).</summary>
    public int MaxItems { get; private set; }

    /// <summary>minLength in UTF-16 code units, if any.</summary>
    public int? MinLength { get; private set; }

    /// <summary>maxLength in UTF-16 code units, if any.</summary>
    public int? MaxLength { get; private set; }

    /// <summary>pattern, if any.</summary>
    public Regex? Pattern { get; private set; }

    /// <summary>format, when it is one that is checked.</summary>
    public StringFormat Format { get; private set; }

    /// <summary>The enum values as UTF-8, if the schema has an enum.</summary>
    public byte[][]? Enum { get; private set; }

    /// <summary>The enum values as the violation message lists them.</summary>
    public string EnumText { get; private set; } = "";

    /// <summary>minimum, if any.</summary>
    public decimal? Minimum { get; private set; }

    /// <summary>maximum, if any.</summary>
    public decimal? Maximum { get; private set; }

    /// <summary>multipleOf, if any; compared in decimal, so 12.3 is a multiple of 0.1.</summary>
    public decimal? MultipleOf { get; private set; }

    /// <summary>Compiles <paramref name="schema"/> (its <see cref="JsonSchema.ActualSchema"/>) and everything it refers to.</summary>
    /// <exception cref="NotSupportedException">The schema uses a validation keyword the walker does not check.</exception>
    public static SchemaNode Compile(JsonSchema schema) => Compile(schema.ActualSchema, new Dictionary<JsonSchema, SchemaNode>(ReferenceEqualityComparer.Instance), "#");

    private static SchemaNode Compile(JsonSchema schema, Dictionary<JsonSchema, SchemaNode> done, string at)
    {
        if (done.TryGetValue(schema, out var known))
        {
            return known;
        }

        Refuse(schema, at);
        var node = new SchemaNode();
        done[schema] = node;
        node.Nullable = schema.Type.HasFlag(JsonObjectType.Null);
        node.Type = schema.Type & ~JsonObjectType.Null;
        if (node.Type != JsonObjectType.None && !IsSingle(node.Type))
        {
            throw new NotSupportedException($"{at}: a type list ({schema.Type}) is not supported");
        }

        node.Properties = [.. schema.Properties.Select(p => new SchemaProperty(
            p.Key,
            Encoding.UTF8.GetBytes(p.Key),
            Compile(p.Value.ActualSchema, done, $"{at}/properties/{p.Key}"),
            schema.RequiredProperties.Contains(p.Key)))];
        node.RequiredUndeclared = [.. schema.RequiredProperties.Where(r => !schema.Properties.ContainsKey(r))];
        node.Closed = !schema.AllowAdditionalProperties;
        node.Items = schema.Item is { } item ? Compile(item.ActualSchema, done, $"{at}/items") : null;
        node.MinItems = schema.MinItems;
        node.MaxItems = schema.MaxItems;
        node.MinLength = schema.MinLength;
        node.MaxLength = schema.MaxLength;
        node.Pattern = string.IsNullOrEmpty(schema.Pattern) ? null : new Regex(schema.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        node.Format = schema.Format switch
        {
            JsonFormatStrings.DateTime => StringFormat.DateTime,
            JsonFormatStrings.Uri => StringFormat.Uri,
            _ => StringFormat.None,
        };
        if (schema.Enumeration.Count > 0)
        {
            node.Enum = [.. schema.Enumeration.Select(v => Encoding.UTF8.GetBytes(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))];
            node.EnumText = string.Join(", ", schema.Enumeration.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        }

        node.Minimum = schema.Minimum;
        node.Maximum = schema.Maximum;
        node.MultipleOf = schema.MultipleOf;
        return node;
    }

    private static bool IsSingle(JsonObjectType type) => (type & (type - 1)) == 0;

    private static void Refuse(JsonSchema schema, string at)
    {
        var unsupported =
            schema.AllOf.Count > 0 ? "allOf"
            : schema.AnyOf.Count > 0 ? "anyOf"
            : schema.OneOf.Count > 0 ? "oneOf"
            : schema.Not is not null ? "not"
            : schema.PatternProperties.Count > 0 ? "patternProperties"
            : schema.AdditionalPropertiesSchema is not null ? "additionalProperties as a schema"
            : schema.Items.Count > 0 ? "items as a list (tuple)"
            : schema.UniqueItems ? "uniqueItems"
            : schema.MinProperties > 0 ? "minProperties"
            : schema.MaxProperties > 0 ? "maxProperties"
            : schema.ExclusiveMinimum.HasValue || schema.IsExclusiveMinimum ? "exclusiveMinimum"
            : schema.ExclusiveMaximum.HasValue || schema.IsExclusiveMaximum ? "exclusiveMaximum"
            : null;
        if (unsupported is not null)
        {
            throw new NotSupportedException($"{at}: the keyword {unsupported} is not supported by DerSim's schema check");
        }
    }
}

/// <summary>A declared property of a <see cref="SchemaNode"/>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Utf8Name">Its name as UTF-8, to look it up in a payload without making strings.</param>
/// <param name="Node">Its schema.</param>
/// <param name="Required">Whether the object must have it.</param>
internal sealed record SchemaProperty(string Name, byte[] Utf8Name, SchemaNode Node, bool Required);

/// <summary>The string formats the schema check knows.</summary>
internal enum StringFormat
{
    /// <summary>No format, or one that is not checked.</summary>
    None,

    /// <summary>RFC 3339 date-time.</summary>
    DateTime,

    /// <summary>An absolute URI.</summary>
    Uri,
}

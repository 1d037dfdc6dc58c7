using System.Globalization;
using DerSim.Ocpp.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>
/// NJsonSchema's own validation of a payload, in DerSim's violation terms: what <see cref="OcppSchemaValidator"/> did
/// before it checked payloads itself, kept as the independent oracle its walker must agree with.
/// </summary>
internal static class NJsonSchemaOracle
{
    public static IReadOnlyList<SchemaViolation> Validate(JsonSchema schema, string payloadJson)
    {
        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(payloadJson))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            token = JToken.ReadFrom(reader);
        }
        catch (JsonReaderException ex)
        {
            return [new SchemaViolation("$", SchemaViolationKind.Syntax, "expected JSON: " + ex.Message)];
        }

        var huge = token.SelectTokens("..*").Where(t => t is JValue { Type: JTokenType.Integer, Value: System.Numerics.BigInteger }).ToList();
        if (huge.Count > 0)
        {
            return [.. huge.Select(t => new SchemaViolation(JsonPath(t.Path), SchemaViolationKind.Property, $"integer of {t.ToString().Length} characters is outside the 64-bit range"))];
        }

        var violations = new List<SchemaViolation>();
        foreach (var error in schema.Validate(token))
        {
            Collect(error, violations);
        }

        return violations;
    }

    private static void Collect(ValidationError error, List<SchemaViolation> into)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            foreach (var nested in child.Errors.SelectMany(e => e.Value))
            {
                Collect(nested, into);
            }

            return;
        }

        var (kind, message) = Describe(error);
        into.Add(new SchemaViolation(JsonPath(error.Path), kind, message));
    }

    private static string JsonPath(string? path)
    {
        var p = (path ?? "").TrimStart('#').TrimStart('/');
        return p.Length == 0 ? "$" : p.StartsWith('[') ? "$" + p : "$." + p;
    }

    private static (SchemaViolationKind Kind, string Message) Describe(ValidationError e)
    {
        var property = e.Property is { Length: > 0 } p ? $"'{p}'" : "value";
        var s = e.Schema;
        string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        return e.Kind switch
        {
            ValidationErrorKind.PropertyRequired => (SchemaViolationKind.Occurrence, $"required property {property} is missing"),
            ValidationErrorKind.TooFewItems => (SchemaViolationKind.Occurrence, $"expected at least {s?.MinItems} item(s)"),
            ValidationErrorKind.TooManyItems => (SchemaViolationKind.Occurrence, $"expected at most {s?.MaxItems} item(s)"),
            ValidationErrorKind.StringExpected => (SchemaViolationKind.Type, $"expected {property} to be a string"),
            ValidationErrorKind.NumberExpected => (SchemaViolationKind.Type, $"expected {property} to be a number"),
            ValidationErrorKind.IntegerExpected => (SchemaViolationKind.Type, $"expected {property} to be an integer"),
            ValidationErrorKind.BooleanExpected => (SchemaViolationKind.Type, $"expected {property} to be a boolean"),
            ValidationErrorKind.ObjectExpected => (SchemaViolationKind.Type, $"expected {property} to be an object"),
            ValidationErrorKind.ArrayExpected => (SchemaViolationKind.Type, $"expected {property} to be an array"),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => (SchemaViolationKind.UnknownProperty, $"property {property} is not defined by the schema"),
            ValidationErrorKind.NotInEnumeration => (SchemaViolationKind.Property, $"expected {property} to be one of: {string.Join(", ", s?.Enumeration ?? [])}"),
            ValidationErrorKind.StringTooLong => (SchemaViolationKind.Property, $"expected {property} to be at most {s?.MaxLength} characters"),
            ValidationErrorKind.StringTooShort => (SchemaViolationKind.Property, $"expected {property} to be at least {s?.MinLength} characters"),
            ValidationErrorKind.NumberTooSmall => (SchemaViolationKind.Property, Invariant($"expected {property} to be at least {s?.Minimum}")),
            ValidationErrorKind.NumberTooBig => (SchemaViolationKind.Property, Invariant($"expected {property} to be at most {s?.Maximum}")),
            ValidationErrorKind.NumberNotMultipleOf => (SchemaViolationKind.Property, Invariant($"expected {property} to be a multiple of {s?.MultipleOf}")),
            ValidationErrorKind.PatternMismatch => (SchemaViolationKind.Property, $"expected {property} to match {s?.Pattern}"),
            ValidationErrorKind.DateTimeExpected => (SchemaViolationKind.Property, $"expected {property} to be an RFC 3339 date-time"),
            ValidationErrorKind.UriExpected => (SchemaViolationKind.Property, $"expected {property} to be a URI"),
            _ => (SchemaViolationKind.Property, $"{property} breaks the schema rule {e.Kind}"),
        };
    }
}

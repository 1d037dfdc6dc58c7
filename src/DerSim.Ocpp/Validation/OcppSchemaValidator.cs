using System.Collections.Concurrent;
using DerSim.Ocpp.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace DerSim.Ocpp.Validation;

/// <summary>
/// Validates OCPP payloads with NJsonSchema. By default the schemas are built from the generated message types
/// (<see cref="OcppSchemaBuilder"/>); given a folder, the official OCPP schemas in it are used instead.
/// </summary>
/// <remarks>
/// Schemas are built lazily, one per action and direction on first use, so start-up costs nothing and the first
/// BootNotification pays only for its own schema. Numbers are read as decimals, so the 1.6 <c>multipleOf: 0.1</c>
/// rule holds for 12.3 (a binary float would leave a remainder).
/// </remarks>
public sealed class OcppSchemaValidator : IOcppSchemaValidator
{
    private readonly string? officialRoot;
    private readonly ConcurrentDictionary<(OcppVersion, string, PayloadKind), Lazy<JsonSchema?>> schemas = new();

    /// <summary>A validator using schemas generated from the message types.</summary>
    public OcppSchemaValidator()
    {
    }

    /// <summary>
    /// A validator using official schemas: <paramref name="officialSchemaRoot"/> holds "1.6", "2.0.1" and "2.1"
    /// folders with the files as the Open Charge Alliance publishes them (draft-04/draft-06, optional BOM).
    /// </summary>
    public OcppSchemaValidator(string officialSchemaRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officialSchemaRoot);
        if (!Directory.Exists(officialSchemaRoot))
        {
            throw new DirectoryNotFoundException($"Official schema folder not found: {officialSchemaRoot}");
        }

        officialRoot = officialSchemaRoot;
    }

    /// <inheritdoc />
    public IReadOnlyList<SchemaViolation> Validate(OcppVersion version, string action, PayloadKind kind, string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(payloadJson);
        var schema = schemas.GetOrAdd((version, action, kind), key => new Lazy<JsonSchema?>(() => Load(key.Item1, key.Item2, key.Item3))).Value;
        if (schema is null)
        {
            return [new SchemaViolation("$", SchemaViolationKind.UnknownAction,
                $"OCPP {version.DisplayName()} has no {kind.ToString().ToLowerInvariant()} schema for action '{action}'")];
        }

        JToken token;
        try
        {
            token = Parse(payloadJson);
        }
        catch (JsonReaderException ex)
        {
            return [new SchemaViolation("$", SchemaViolationKind.Syntax, "expected JSON: " + ex.Message)];
        }

        if (token.Type != JTokenType.Object)
        {
            return [new SchemaViolation("$", SchemaViolationKind.Syntax, $"expected a JSON object, got {token.Type.ToString().ToLowerInvariant()}")];
        }

        // Newtonsoft reads an integer beyond 64 bits as a BigInteger, which NJsonSchema's number checks cannot
        // convert (InvalidCastException out of Validate, which ended the receive loop: found by bench/fuzz.sh).
        // No OCPP integer field holds such a value, so it is a value out of range: PropertyConstraintViolation.
        var huge = token.SelectTokens("..*").Where(t => t is JValue { Type: JTokenType.Integer, Value: System.Numerics.BigInteger }).ToList();
        if (huge.Count > 0)
        {
            return huge.Select(t => new SchemaViolation(ToJsonPath(t.Path), SchemaViolationKind.Property, $"integer of {t.ToString().Length} characters is outside the 64-bit range")).ToList();
        }

        var violations = new List<SchemaViolation>();
        foreach (var error in schema.Validate(token))
        {
            Collect(error, token, violations);
        }

        return violations;
    }

    /// <summary>
    /// Builds the request and response schemas of <paramref name="action"/> and runs the validator once, so the
    /// first real frame does not pay for schema building and JIT. Call it off the hot path, e.g. while the
    /// WebSocket connects.
    /// </summary>
    public void Prepare(OcppVersion version, string action)
    {
        Validate(version, action, PayloadKind.Request, "{}");
        Validate(version, action, PayloadKind.Response, "{}");
    }

    private static JToken Parse(string json)
    {
        // Strings stay strings (no date guessing); numbers stay decimal, so multipleOf 0.1 compares exactly.
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new JsonReaderException($"unexpected content after the JSON value at position {reader.LinePosition}");
        }

        return token;
    }

    private JsonSchema? Load(OcppVersion version, string action, PayloadKind kind) =>
        LoadAsPublished(version, action, kind) is { } schema ? SpecTextMinimums.Apply(version, action, kind, schema) : null;

    private JsonSchema? LoadAsPublished(OcppVersion version, string action, PayloadKind kind)
    {
        if (officialRoot is not null)
        {
            // FromJsonAsync completes synchronously: the official schemas have no external references to fetch.
            return OfficialFile(version, action, kind) is { } file
                ? JsonSchema.FromJsonAsync(File.ReadAllText(file)).GetAwaiter().GetResult()
                : null;
        }

        var table = OcppActionTables.For(version);
        if (!table.TryGet(action, out var a) || (kind == PayloadKind.Response && a.ResponseType == typeof(V21.NoResponse)))
        {
            return null;
        }

        return OcppSchemaBuilder.BuildSchema(kind == PayloadKind.Request ? a.RequestSchemaType : a.ResponseSchemaType);
    }

    private string? OfficialFile(OcppVersion version, string action, PayloadKind kind)
    {
        if (action.AsSpan().ContainsAny(['/', '\\', '.']))
        {
            return null;
        }

        var folder = Path.Combine(officialRoot!, version.DisplayName());
        string[] names = kind == PayloadKind.Response
            ? [action + "Response.json"]
            : version == OcppVersion.V16 ? [action + ".json"] : [action + "Request.json", action + ".json"];
        return names.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
    }

    private static void Collect(ValidationError error, JToken root, List<SchemaViolation> into)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            foreach (var nested in child.Errors.SelectMany(e => e.Value))
            {
                Collect(nested, root, into);
            }

            return;
        }

        if (error.Kind is ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf
            && IsDecimalMultiple(error, root))
        {
            return;
        }

        var (kind, expected) = Describe(error);
        into.Add(new SchemaViolation(ToJsonPath(error.Path), kind, expected));
    }

    // Guards the 1.6 multipleOf trap even if the validator ever compares as double: recheck in decimal.
    private static bool IsDecimalMultiple(ValidationError error, JToken root)
    {
        var step = error.Schema?.MultipleOf;
        var token = root.SelectToken(ToJsonPath(error.Path), errorWhenNoMatch: false);
        return step is > 0 && token is JValue { Value: decimal or long or int } v && Convert.ToDecimal(v.Value, System.Globalization.CultureInfo.InvariantCulture) % step.Value == 0;
    }

    /// <summary>"#/a.b[0].c" (NJsonSchema) to "$.a.b[0].c".</summary>
    internal static string ToJsonPath(string? path)
    {
        var p = path ?? "";
        if (p.StartsWith('#'))
        {
            p = p[1..];
        }

        p = p.TrimStart('/');
        return p.Length == 0 ? "$" : p.StartsWith('[') ? "$" + p : "$." + p;
    }

    private static (SchemaViolationKind Kind, string Message) Describe(ValidationError e)
    {
        var property = e.Property is { Length: > 0 } p ? $"'{p}'" : "value";
        var s = e.Schema;
        return e.Kind switch
        {
            ValidationErrorKind.PropertyRequired => (SchemaViolationKind.Occurrence, $"required property {property} is missing"),
            ValidationErrorKind.TooFewItems => (SchemaViolationKind.Occurrence, $"expected at least {s?.MinItems} item(s)"),
            ValidationErrorKind.TooManyItems => (SchemaViolationKind.Occurrence, $"expected at most {s?.MaxItems} item(s)"),
            ValidationErrorKind.TooManyItemsInTuple =>
                (SchemaViolationKind.Occurrence, "too many items"),
            ValidationErrorKind.StringExpected => (SchemaViolationKind.Type, $"expected {property} to be a string"),
            ValidationErrorKind.NumberExpected => (SchemaViolationKind.Type, $"expected {property} to be a number"),
            ValidationErrorKind.IntegerExpected => (SchemaViolationKind.Type, $"expected {property} to be an integer"),
            ValidationErrorKind.BooleanExpected => (SchemaViolationKind.Type, $"expected {property} to be a boolean"),
            ValidationErrorKind.ObjectExpected => (SchemaViolationKind.Type, $"expected {property} to be an object"),
            ValidationErrorKind.ArrayExpected => (SchemaViolationKind.Type, $"expected {property} to be an array"),
            ValidationErrorKind.NullExpected => (SchemaViolationKind.Type, $"expected {property} to be null"),
            ValidationErrorKind.NoAdditionalPropertiesAllowed or ValidationErrorKind.AdditionalPropertiesNotValid =>
                (SchemaViolationKind.UnknownProperty, $"property {property} is not defined by the schema"),
            ValidationErrorKind.NotInEnumeration => (SchemaViolationKind.Property,
                $"expected {property} to be one of: {string.Join(", ", s?.Enumeration ?? [])}"),
            ValidationErrorKind.StringTooLong => (SchemaViolationKind.Property, $"expected {property} to be at most {s?.MaxLength} characters"),
            ValidationErrorKind.StringTooShort => (SchemaViolationKind.Property, $"expected {property} to be at least {s?.MinLength} characters"),
            ValidationErrorKind.NumberTooSmall => (SchemaViolationKind.Property, $"expected {property} to be at least {s?.Minimum}"),
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => (SchemaViolationKind.Property, $"expected {property} to be at most {s?.Maximum}"),
            ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf =>
                (SchemaViolationKind.Property, $"expected {property} to be a multiple of {s?.MultipleOf}"),
            ValidationErrorKind.PatternMismatch => (SchemaViolationKind.Property, $"expected {property} to match {s?.Pattern}"),
            ValidationErrorKind.DateTimeExpected => (SchemaViolationKind.Property, $"expected {property} to be an RFC 3339 date-time"),
            ValidationErrorKind.UriExpected => (SchemaViolationKind.Property, $"expected {property} to be a URI"),
            _ => (SchemaViolationKind.Property, $"{property} breaks the schema rule {e.Kind}"),
        };
    }
}

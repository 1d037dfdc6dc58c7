using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using DerSim.Ocpp.Json;
using NJsonSchema;

namespace DerSim.Ocpp.Validation;

/// <summary>
/// Validates OCPP payloads against a JSON schema per action and direction. By default the schemas are built from the
/// generated message types (<see cref="OcppSchemaBuilder"/>); given a folder, the official OCPP schemas in it are used
/// instead. NJsonSchema reads the schemas; the payloads are checked by DerSim's own <see cref="SchemaWalker"/> over
/// System.Text.Json, which allocates nothing for a valid payload.
/// </summary>
/// <remarks>
/// Schemas are built lazily, one per action and direction on first use, so start-up costs nothing and the first
/// BootNotification pays only for its own schema. Numbers are compared as decimals, so the 1.6 <c>multipleOf: 0.1</c>
/// rule holds for 12.3 (a binary float would leave a remainder).
/// </remarks>
public sealed class OcppSchemaValidator : IOcppSchemaValidator
{
    private readonly string? officialRoot;
    private readonly ConcurrentDictionary<(OcppVersion, string, PayloadKind), Lazy<SchemaNode?>> schemas = new();

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
        ArgumentNullException.ThrowIfNull(payloadJson);
        if (SchemaOf(version, action, kind) is not { } schema)
        {
            return Unknown(version, action, kind);
        }

        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(payloadJson.Length));
        try
        {
            return Check(utf8.AsMemory(0, Encoding.UTF8.GetBytes(payloadJson, utf8)), schema);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<SchemaViolation> Validate(OcppVersion version, string action, PayloadKind kind, ReadOnlySpan<byte> utf8Payload)
    {
        if (SchemaOf(version, action, kind) is not { } schema)
        {
            return Unknown(version, action, kind);
        }

        // The document reads from memory it does not own: a pooled copy, returned once it is disposed.
        var copy = ArrayPool<byte>.Shared.Rent(Math.Max(utf8Payload.Length, 1));
        try
        {
            utf8Payload.CopyTo(copy);
            return Check(copy.AsMemory(0, utf8Payload.Length), schema);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
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

    /// <summary>The schema of an action's request or response as NJsonSchema reads it (spec-text minimums added); null when there is none.</summary>
    internal JsonSchema? Load(OcppVersion version, string action, PayloadKind kind) =>
        LoadAsPublished(version, action, kind) is { } schema ? SpecTextMinimums.Apply(version, action, kind, schema) : null;

    private SchemaNode? SchemaOf(OcppVersion version, string action, PayloadKind kind)
    {
        ArgumentNullException.ThrowIfNull(action);
        return schemas.GetOrAdd((version, action, kind), key => new Lazy<SchemaNode?>(() => Load(key.Item1, key.Item2, key.Item3) is { } s ? SchemaNode.Compile(s) : null)).Value;
    }

    private static SchemaViolation[] Unknown(OcppVersion version, string action, PayloadKind kind) =>
        [new SchemaViolation("$", SchemaViolationKind.UnknownAction, $"OCPP {version.DisplayName()} has no {kind.ToString().ToLowerInvariant()} schema for action '{action}'")];

    private static IReadOnlyList<SchemaViolation> Check(ReadOnlyMemory<byte> utf8Payload, SchemaNode schema)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Payload);
        }
        catch (JsonException ex)
        {
            return [new SchemaViolation("$", SchemaViolationKind.Syntax, "expected JSON: " + ex.Message)];
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? SchemaWalker.Check(root, schema)
                : [new SchemaViolation("$", SchemaViolationKind.Syntax, $"expected a JSON object, got {KindName(root)}")];
        }
    }

    // As Newtonsoft named the token types before: an integer and a float are different kinds of number.
    private static string KindName(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Number => SchemaWalker.IsInteger(JsonMarshal.GetRawUtf8Value(root)) ? "integer" : "float",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var other => other.ToString().ToLowerInvariant(),
    };

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
}

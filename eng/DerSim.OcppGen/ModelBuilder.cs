using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DerSim.OcppGen;

/// <summary>
/// Reads one version's schema folder into a type model.
/// </summary>
/// <remarks>
/// Naming rules (deterministic: files are read in ordinal file-name order, properties in schema order):
/// <list type="bullet">
/// <item>Messages: "Action" + "Request"/"Response". 1.6 "X.json" is the request, "XResponse.json" the response;
/// 2.x "XRequest.json"/"XResponse.json"; a file with neither suffix (2.1 NotifyPeriodicEventStream, a SEND) is a
/// request without a response.</item>
/// <item>Named definitions ($ref, 2.x and the 1.6 security extension) keep their definition name. When a later file
/// defines the same name with a different shape (descriptions ignored, nested $refs expanded), that later shape is
/// named "ActionStem" + name, then numbered.</item>
/// <item>Inline objects and enums (1.6 core) are named from the property that holds them, PascalCased
/// ("idTagInfo" → IdTagInfo, "sampledValue" → SampledValue); identical shapes share the first name. Enums held by the
/// generic properties "status" and "type" are always prefixed with their owner ("IdTagInfoStatus",
/// "BootNotificationStatus", "ChangeAvailabilityType") and shared only within that owner name. When a name is taken
/// by another shape, the owner's stem is prefixed, then the full owner name ("PingResponseStatus"), then a number.</item>
/// <item>A property whose C# name equals its type's name gets the suffix "Value" (C# forbids the clash).</item>
/// </list>
/// </remarks>
internal sealed class ModelBuilder
{
    private static readonly HashSet<string> GenericEnumProps = new(StringComparer.Ordinal) { "status", "type" };
    private static readonly HashSet<string> IgnoredKeywords = new(StringComparer.Ordinal)
    {
        "description", "javaType", "comment", "$schema", "$id", "id", "title", "default",
    };

    private readonly VersionInfo version;
    private readonly Dictionary<string, TypeDef?> types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> nameByKey = new(StringComparer.Ordinal);
    private string currentAction = "";

    public ModelBuilder(VersionInfo version) => this.version = version;

    public VersionModel Build(string folder, IReadOnlyDictionary<string, string> directions)
    {
        var files = Directory.GetFiles(folder, "*.json")
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"No schema files in {folder}.");
        }

        var messages = new List<(string Action, bool IsResponse, string File)>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.EndsWith("Response", StringComparison.Ordinal))
            {
                messages.Add((name[..^"Response".Length], true, file));
            }
            else if (version.RequestSuffixInFileName && name.EndsWith("Request", StringComparison.Ordinal))
            {
                messages.Add((name[..^"Request".Length], false, file));
            }
            else
            {
                messages.Add((name, false, file));
            }
        }

        // Message names are reserved first so inline types can never take them.
        foreach (var m in messages)
        {
            var typeName = m.Action + (m.IsResponse ? "Response" : "Request");
            if (!types.TryAdd(typeName, null))
            {
                throw new InvalidOperationException($"Two schema files map to {typeName} in {folder}.");
            }
        }

        foreach (var m in messages)
        {
            currentAction = m.Action;
            var root = JsonNode.Parse(File.ReadAllText(m.File, Encoding.UTF8))!.AsObject();
            var defs = root["definitions"]?.AsObject();
            var typeName = m.Action + (m.IsResponse ? "Response" : "Request");
            BuildObject(typeName, root, defs, m.Action, m.IsResponse ? "Response" : "Request");
        }

        var actions = new List<ActionDef>();
        var requests = messages.Where(m => !m.IsResponse).Select(m => m.Action).ToHashSet(StringComparer.Ordinal);
        var responses = messages.Where(m => m.IsResponse).Select(m => m.Action).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in responses.Where(r => !requests.Contains(r)))
        {
            throw new InvalidOperationException($"{version.Display}: {orphan}Response has no request schema.");
        }

        foreach (var action in requests.Order(StringComparer.Ordinal))
        {
            if (!directions.TryGetValue(action, out var direction))
            {
                throw new InvalidOperationException(
                    $"{version.Display}: action {action} has no direction in Directions/{version.Id}.txt.");
            }

            actions.Add(new ActionDef(action, action + "Request", responses.Contains(action) ? action + "Response" : null, direction));
        }

        foreach (var extra in directions.Keys.Where(k => !requests.Contains(k)))
        {
            throw new InvalidOperationException(
                $"{version.Display}: Directions/{version.Id}.txt names {extra}, which has no schema.");
        }

        var defsOut = types.Values.Select(t => t!).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        return new VersionModel(version, defsOut, actions);
    }

    private void BuildObject(string name, JsonObject node, JsonObject? defs, string? action, string? role)
    {
        var required = node["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
            ?? [];
        var closed = node["additionalProperties"] is JsonValue v && v.GetValueKind() == JsonValueKind.False;
        var props = new List<PropDef>();
        if (node["properties"] is JsonObject properties)
        {
            foreach (var (jsonName, propNode) in properties)
            {
                var type = ResolveType(propNode!.AsObject(), name, jsonName, defs);
                var csName = Naming.Pascal(jsonName);
                if (csName == name)
                {
                    csName += "Value";
                }

                props.Add(new PropDef(jsonName, csName, required.Contains(jsonName), type));
            }
        }

        types[name] = new ObjectDef(name, props, closed, action, role);
    }

    private TypeRef ResolveType(JsonObject node, string owner, string prop, JsonObject? defs)
    {
        if (node["$ref"] is JsonValue refValue)
        {
            var target = refValue.GetValue<string>();
            const string prefix = "#/definitions/";
            if (!target.StartsWith(prefix, StringComparison.Ordinal) || defs?[target[prefix.Length..]] is not JsonObject def)
            {
                throw new InvalidOperationException($"{version.Display} {currentAction}: unresolvable $ref {target}.");
            }

            var defName = target[prefix.Length..];
            var name = NameType(def, defs, "def:" + defName, [defName, Naming.Stem(currentAction) + defName], owner);
            return new TypeRef(def["enum"] is not null ? ValueKind.Enum : ValueKind.Object, name);
        }

        var c = ReadConstraints(node);
        var type = node["type"]?.GetValue<string>();
        switch (type)
        {
            case "string" when node["enum"] is not null:
            {
                var p = Naming.Pascal(prop);
                var stem = Naming.Stem(owner);
                var prefixed = p.StartsWith(stem, StringComparison.Ordinal) ? p : stem + p;
                var generic = GenericEnumProps.Contains(prop);
                var name = NameType(node, defs, generic ? "enum:" + prefixed : "enum", generic ? [prefixed, owner + p] : [p, prefixed, owner + p], owner);
                return new TypeRef(ValueKind.Enum, name) { Constraints = c };
            }

            case "string" when c.Format == "date-time":
                return new TypeRef(ValueKind.DateTime) { Constraints = c };
            case "string":
                return new TypeRef(ValueKind.String) { Constraints = c };
            case "integer":
                return new TypeRef(ValueKind.Integer) { Constraints = c };
            case "number":
                return new TypeRef(ValueKind.Number) { Constraints = c };
            case "boolean":
                return new TypeRef(ValueKind.Boolean) { Constraints = c };
            case "array":
            {
                var items = node["items"] as JsonObject
                    ?? throw new InvalidOperationException($"{version.Display} {owner}.{prop}: array without items object.");
                return new TypeRef(ValueKind.Array, Item: ResolveType(items, owner, prop, defs)) { Constraints = c };
            }

            case "object":
            {
                var p = Naming.Pascal(prop);
                var stem = Naming.Stem(owner);
                var prefixed = p.StartsWith(stem, StringComparison.Ordinal) ? p : stem + p;
                var name = NameType(node, defs, "object", [p, prefixed, owner + p], owner);
                return new TypeRef(ValueKind.Object, name);
            }

            case null when node["enum"] is null && node["properties"] is null:
                return new TypeRef(ValueKind.Any) { Constraints = c };
            default:
                throw new InvalidOperationException($"{version.Display} {owner}.{prop}: unsupported type '{type}'.");
        }
    }

    /// <summary>Finds or creates the named type for a schema node, applying the naming rules.</summary>
    private string NameType(JsonObject node, JsonObject? defs, string keyPrefix, string[] candidates, string owner)
    {
        var key = keyPrefix + "|" + ShapeKey(node, defs, 0);
        if (nameByKey.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var name = candidates.FirstOrDefault(c => !types.ContainsKey(c));
        if (name is null)
        {
            var n = 2;
            while (types.ContainsKey(candidates[^1] + n.ToString(CultureInfo.InvariantCulture)))
            {
                n++;
            }

            name = candidates[^1] + n.ToString(CultureInfo.InvariantCulture);
        }

        nameByKey[key] = name;
        types[name] = null;
        if (node["enum"] is JsonArray values)
        {
            types[name] = new EnumDef(name, values.Select(v => v!.GetValue<string>()).ToList());
        }
        else if (node["type"]?.GetValue<string>() == "object")
        {
            BuildObject(name, node, defs, null, null);
        }
        else
        {
            throw new InvalidOperationException($"{version.Display} {owner}: definition {name} is neither object nor enum.");
        }

        return name;
    }

    /// <summary>The node as canonical JSON: keys sorted, prose dropped, $refs expanded.</summary>
    private static string ShapeKey(JsonNode? node, JsonObject? defs, int depth, bool isNameMap = false)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("Schema nesting too deep (recursive $ref?).");
        }

        switch (node)
        {
            case JsonObject o:
            {
                if (o["$ref"] is JsonValue r)
                {
                    var target = r.GetValue<string>()["#/definitions/".Length..];
                    return "{ref:" + target + "=" + ShapeKey(defs?[target], defs, depth + 1) + "}";
                }

                var sb = new StringBuilder("{");
                foreach (var (k, v) in o.Where(p => isNameMap || !IgnoredKeywords.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    // Inside "properties"/"definitions" the keys are names, not keywords, so none is dropped.
                    var childIsNameMap = !isNameMap && k is "properties" or "definitions";
                    sb.Append(JsonSerializer.Serialize(k)).Append(':').Append(ShapeKey(v, defs, depth + 1, childIsNameMap)).Append(',');
                }

                return sb.Append('}').ToString();
            }

            case JsonArray a:
                return "[" + string.Join(",", a.Select(x => ShapeKey(x, defs, depth + 1))) + "]";
            case null:
                return "null";
            default:
                return node.ToJsonString();
        }
    }

    private static Constraints ReadConstraints(JsonObject node)
    {
        static int? Int(JsonNode? n) => n?.GetValue<int>();
        static string? Num(JsonNode? n) => n?.ToJsonString();
        return new Constraints
        {
            MaxLength = Int(node["maxLength"]),
            MinLength = Int(node["minLength"]),
            Minimum = Num(node["minimum"]),
            Maximum = Num(node["maximum"]),
            MultipleOf = Num(node["multipleOf"]),
            MinItems = Int(node["minItems"]),
            MaxItems = Int(node["maxItems"]),
            Pattern = node["pattern"]?.GetValue<string>(),
            Format = node["format"] is JsonValue f && f.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : null,
        };
    }
}

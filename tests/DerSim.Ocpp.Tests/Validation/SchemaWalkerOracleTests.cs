using System.Text;
using System.Text.Json.Nodes;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>
/// DerSim's schema walker against NJsonSchema's own validation, payload by payload: for every message of every
/// version, with the schemas built from the message types and with the official ones, the valid examples and a
/// few hundred seeded random breakages of each give the same violations in the same order (path, kind, message; a
/// syntax error's wording comes from the JSON reader and is not compared).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SchemaWalkerOracleTests
{
    private const int MutationsPerMessage = 24;

    private static readonly OcppSchemaValidator Built = new();
    private static readonly Lazy<OcppSchemaValidator?> Official = new(() => RepoPaths.OfficialSchemas is { } root ? new OcppSchemaValidator(root) : null);

    public static IEnumerable<TestCaseData> Cases() =>
        from m in MessageCatalog.All()
        from official in new[] { false, true }
        select new TestCaseData(m, official).SetName($"{m}.{(official ? "Official" : "Built")}");

    [TestCaseSource(nameof(Cases))]
    public void Walker_agrees_with_NJsonSchema(object message, bool official)
    {
        var m = (MessageCase)message;
        var validator = official ? Official.Value ?? Built : Built;
        if (official)
        {
            RepoPaths.RequireOfficialSchemas();
        }

        var schema = validator.Load(m.Version, m.Action, m.Kind).ShouldNotBeNull();
        var full = MessageCatalog.Example(m, full: true);
        var payloads = new List<string> { MessageCatalog.Example(m, full: false), full };
        // A seed of the case's name, the same in every run (string hash codes are not), so a failure reproduces.
        var seed = m.ToString().Aggregate(official ? 17 : 23, (hash, c) => unchecked((hash * 31) + c));
        var random = new Random(seed);
        for (var i = 0; i < MutationsPerMessage; i++)
        {
            payloads.Add(Mutate(JsonNode.Parse(full)!, random));
        }

        foreach (var payload in payloads)
        {
            var ours = validator.Validate(m.Version, m.Action, m.Kind, payload);
            var theirs = NJsonSchemaOracle.Validate(schema, payload);
            Comparable(ours).ShouldBe(Comparable(theirs), $"seed {seed}: {payload}\nours:   {string.Join("; ", ours)}\ntheirs: {string.Join("; ", theirs)}");
            Comparable(validator.Validate(m.Version, m.Action, m.Kind, Encoding.UTF8.GetBytes(payload))).ShouldBe(Comparable(ours), "UTF-8 and text overloads differ");
        }
    }

    private static string[] Comparable(IEnumerable<SchemaViolation> violations) =>
        [.. violations.Select(v => v.Kind == SchemaViolationKind.Syntax ? $"{v.Path} {v.Kind}" : v.ToString() + " " + v.Kind)];

    // One to three random edits anywhere in the payload: a value replaced (by another type, a long or non-ASCII
    // string, a number off any range or step, a huge integer, null, an empty container), a property removed or added,
    // an array emptied or grown.
    private static string Mutate(JsonNode root, Random random)
    {
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var places = new List<(JsonNode Parent, string? Name, int Index)>();
            Places(root, places);
            var objects = new List<JsonObject>();
            Objects(root, objects);
            switch (random.Next(5))
            {
                case 0 when places.Count > 0:
                    var (parent, name, index) = places[random.Next(places.Count)];
                    Set(parent, name, index, Value(random));
                    break;
                case 1 when places.Count > 0:
                    var (p, n, _) = places[random.Next(places.Count)];
                    if (p is JsonObject o && n is not null)
                    {
                        o.Remove(n);
                    }

                    break;
                case 2:
                    objects[random.Next(objects.Count)]["dersim" + random.Next(3)] = Value(random);
                    break;
                case 3 when places.Any(x => Get(x.Parent, x.Name, x.Index) is JsonArray):
                    var arrays = places.Where(x => Get(x.Parent, x.Name, x.Index) is JsonArray).ToList();
                    var at = arrays[random.Next(arrays.Count)];
                    var array = (JsonArray)Get(at.Parent, at.Name, at.Index)!;
                    if (random.Next(2) == 0 || array.Count == 0)
                    {
                        array.Clear();
                    }
                    else
                    {
                        var copies = random.Next(1, 60);
                        // An earlier edit may have made the first item null.
                        var first = array[0]?.ToJsonString() ?? "null";
                        for (var c = 0; c < copies; c++)
                        {
                            array.Add(JsonNode.Parse(first));
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return root.ToJsonString();
    }

    private static JsonNode? Value(Random random) => random.Next(22) switch
    {
        0 => JsonValue.Create(""),
        1 => JsonValue.Create(new string('z', random.Next(1, 2600))),
        2 => JsonValue.Create(string.Concat(Enumerable.Repeat("\U0001F50C", random.Next(1, 60)))),
        3 => JsonValue.Create("NotAnOcppValue"),
        4 => JsonValue.Create(0),
        5 => JsonValue.Create(-1),
        6 => JsonValue.Create(1.5m),
        7 => JsonValue.Create(12.35m),
        8 => JsonValue.Create(12.3m),
        9 => JsonValue.Create(99_999_999_999L),
        10 => JsonNode.Parse("123456789012345678901234567890"),
        11 => JsonNode.Parse("1e3"),
        12 => JsonValue.Create(true),
        13 => null,
        14 => new JsonObject(),
        15 => new JsonArray(),
        16 => new JsonArray(1, "x"),
        17 => new JsonObject { ["a"] = 1 },
        18 => JsonValue.Create("2024-05-01T10:00:00Z"),
        19 => JsonValue.Create(-2_147_483_649L),
        20 => JsonValue.Create("Accepted"),
        _ => JsonValue.Create("tab\tand \"quotes\" \u00e9"),
    };

    private static void Places(JsonNode node, List<(JsonNode, string?, int)> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    into.Add((o, name, -1));
                    if (child is not null)
                    {
                        Places(child, into);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    into.Add((a, null, i));
                    if (a[i] is { } child)
                    {
                        Places(child, into);
                    }
                }

                break;
        }
    }

    private static void Objects(JsonNode node, List<JsonObject> into)
    {
        if (node is JsonObject o)
        {
            into.Add(o);
        }

        var children = node switch
        {
            JsonObject obj => obj.Select(kv => kv.Value),
            JsonArray arr => arr,
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is not null)
            {
                Objects(child, into);
            }
        }
    }

    private static JsonNode? Get(JsonNode parent, string? name, int index) => name is not null ? parent[name] : parent[index];

    private static void Set(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (name is not null)
        {
            parent[name] = value;
        }
        else
        {
            parent[index] = value;
        }
    }
}

using System.Globalization;
using System.Text.Json;

using Reqnroll.BindingSkeletons;
using Reqnroll.Configuration;

namespace DerSim.Gherkin.Configuration;

/// <summary>Walks reqnroll.json key by key so that every unknown key and every wrongly typed value can be named by its JSON path.</summary>
internal sealed class ReqnrollConfigReader
{
    // Reqnroll keys this layer accepts but has no use for (generated-code options, extension hooks).
    private static readonly HashSet<string> AcceptedUnused = new(StringComparer.OrdinalIgnoreCase)
    {
        "$schema", "dersim", "generator.allowDebugGeneratedFiles", "generator.allowRowTests", "generator.disableFriendlyTestNames",
        "runtime.dependencies", "plugins",
    };

    private readonly string path;
    private readonly List<string> warnings = [];

    private ReqnrollConfigReader(string path) => this.path = path;

    public static ReqnrollConfig Read(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            var column = (int)(e.BytePositionInLine ?? -1) + 1;
            throw new ReqnrollConfigException($"{path}:{line}:{column}: invalid JSON: {FirstSentence(e.Message)}", path, line, column, e);
        }

        using (document)
        {
            return new ReqnrollConfigReader(path).ReadRoot(document.RootElement);
        }
    }

    private ReqnrollConfig ReadRoot(JsonElement root)
    {
        var config = new ReqnrollConfig { FilePath = path };
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Wrong("$", "an object");
        }

        foreach (var section in root.EnumerateObject())
        {
            var name = section.Name;
            var value = section.Value;
            config = name.ToUpperInvariant() switch
            {
                "LANGUAGE" => ReadObject(value, name, config, (c, key, v, p) => key switch
                {
                    "FEATURE" => c with { FeatureLanguage = String(v, p) },
                    "BINDING" => c with { BindingCulture = String(v, p) },
                    _ => Unknown(c, p),
                }),
                "BINDINGASSEMBLIES" => config with { BindingAssemblies = ReadAssemblies(value, name) },
                "RUNTIME" => ReadObject(value, name, config, (c, key, v, p) => key switch
                {
                    "MISSINGORPENDINGSTEPSOUTCOME" => c with { MissingOrPendingStepsOutcome = Enum<MissingOrPendingStepsOutcome>(v, p) },
                    "STOPATFIRSTERROR" => c with { StopAtFirstError = Bool(v, p) },
                    "OBSOLETEBEHAVIOR" => c with { ObsoleteBehavior = Enum<ObsoleteBehavior>(v, p) },
                    _ => Unknown(c, p),
                }),
                "TRACE" => ReadObject(value, name, config, (c, key, v, p) => key switch
                {
                    "TRACESUCCESSFULSTEPS" => c with { TraceSuccessfulSteps = Bool(v, p) },
                    "TRACETIMINGS" => c with { TraceTimings = Bool(v, p) },
                    "MINTRACEDDURATION" => c with { MinTracedDuration = Duration(v, p) },
                    "STEPDEFINITIONSKELETONSTYLE" => c with { StepDefinitionSkeletonStyle = Enum<StepDefinitionSkeletonStyle>(v, p) },
                    "COLOREDOUTPUT" => c with { ColoredOutput = Bool(v, p) },
                    _ => Unknown(c, p),
                }),
                "GENERATOR" => ReadObject(value, name, config, (c, key, v, p) => key switch
                {
                    "ADDNONPARALLELIZABLEMARKERFORTAGS" => c with { AddNonParallelizableMarkerForTags = Strings(v, p).Select(t => t.TrimStart('@')).ToList() },
                    _ => Unknown(c, p),
                }),
                "FORMATTERS" when value.ValueKind == JsonValueKind.Object =>
                    config with { Formatters = [.. value.EnumerateObject().Select(f => f.Name)] },
                "FORMATTERS" => throw Wrong(name, "an object"),
                _ => Unknown(config, name),
            };
        }

        return config with { Warnings = warnings };
    }

    private ReqnrollConfig ReadObject(
        JsonElement value, string jsonPath, ReqnrollConfig config, Func<ReqnrollConfig, string, JsonElement, string, ReqnrollConfig> read)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(jsonPath, "an object");
        }

        foreach (var property in value.EnumerateObject())
        {
            config = read(config, property.Name.ToUpperInvariant(), property.Value, $"{jsonPath}.{property.Name}");
        }

        return config;
    }

    private List<string> ReadAssemblies(JsonElement value, string jsonPath)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(jsonPath, "an array of { \"assembly\": \"Name\" }");
        }

        var names = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{jsonPath}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Wrong(itemPath, "an object { \"assembly\": \"Name\" }");
            }

            string? name = null;
            foreach (var property in item.EnumerateObject())
            {
                if (property.NameEquals("assembly") || property.Name.Equals("assembly", StringComparison.OrdinalIgnoreCase))
                {
                    name = String(property.Value, $"{itemPath}.{property.Name}");
                }
                else
                {
                    WarnUnknown($"{itemPath}.{property.Name}");
                }
            }

            names.Add(string.IsNullOrWhiteSpace(name) ? throw Wrong($"{itemPath}.assembly", "an assembly name") : name);
        }

        return names;
    }

    private ReqnrollConfig Unknown(ReqnrollConfig config, string jsonPath)
    {
        WarnUnknown(jsonPath);
        return config;
    }

    private void WarnUnknown(string jsonPath)
    {
        if (!AcceptedUnused.Contains(jsonPath))
        {
            warnings.Add($"{path}: unknown key '{jsonPath}' (ignored)");
        }
    }

    private string String(JsonElement value, string jsonPath) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(jsonPath, "a string");

    private bool Bool(JsonElement value, string jsonPath) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong(jsonPath, "true or false"),
    };

    private List<string> Strings(JsonElement value, string jsonPath)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(jsonPath, "an array of strings");
        }

        return value.EnumerateArray().Select((v, i) => String(v, $"{jsonPath}[{i}]")).ToList();
    }

    private TEnum Enum<TEnum>(JsonElement value, string jsonPath)
        where TEnum : struct, Enum
    {
        var names = string.Join(", ", System.Enum.GetNames<TEnum>());
        if (value.ValueKind == JsonValueKind.String
            && System.Enum.TryParse<TEnum>(value.GetString(), ignoreCase: true, out var result)
            && System.Enum.IsDefined(result)
            && !int.TryParse(value.GetString(), out _))
        {
            return result;
        }

        throw Wrong(jsonPath, $"one of {names}");
    }

    private TimeSpan Duration(JsonElement value, string jsonPath) =>
        value.ValueKind == JsonValueKind.String
        && TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var duration)
        && duration >= TimeSpan.Zero
            ? duration
            : throw Wrong(jsonPath, "a duration such as \"0:0:0.1\"");

    private ReqnrollConfigException Wrong(string jsonPath, string expected) =>
        new($"{path}: '{jsonPath}' must be {expected}.", path, 0, 0);

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own "Path: $ | LineNumber: 3 | ..." (0-based); the position is shown up front instead.
        var cuts = new[] { message.IndexOf(" Path: ", StringComparison.Ordinal), message.IndexOf(" LineNumber: ", StringComparison.Ordinal) };
        var cut = cuts.Where(c => c > 0).DefaultIfEmpty(message.Length).Min();
        return message[..cut].ReplaceLineEndings(" ");
    }
}

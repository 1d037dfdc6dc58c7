using System.Text.Json;
using System.Text.Json.Nodes;

namespace DerSim.Harness.Configuration.Loading;

/// <summary>
/// Reads the <c>dersim</c> section of <c>reqnroll.json</c>, keeping Reqnroll's file shape, and lays the <c>dersim</c>
/// section of the file <c>DERSIM_CONFIG</c> names over it.
/// </summary>
public static class DerSimConfig
{
    /// <summary>The environment variable naming a file whose <c>dersim</c> section is merged over reqnroll.json's.</summary>
    public const string OverlayVariable = "DERSIM_CONFIG";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>What a run uses: <see cref="Locate"/>'s reqnroll.json with the file <c>DERSIM_CONFIG</c> names merged over it.</summary>
    /// <exception cref="DerSimConfigException">Either file is unusable; the message names the file and JSON path.</exception>
    public static DerSimSettings LoadDefault() =>
        Load(Locate(), Environment.GetEnvironmentVariable(OverlayVariable) is { Length: > 0 } overlay ? overlay : null);

    /// <summary>
    /// Loads <paramref name="path"/> (a missing file gives the defaults) and, when given, merges the <c>dersim</c>
    /// section of <paramref name="overlayPath"/> over it: objects key by key at every depth (an action's template, its
    /// headers), anything else replaced by the overlay's value.
    /// </summary>
    /// <exception cref="DerSimConfigException">
    /// A file is not valid JSON, the overlay is missing or has no <c>dersim</c> section, or a key is wrong or unknown;
    /// the message names the file that holds the value and its JSON path.
    /// </exception>
    public static DerSimSettings Load(string path, string? overlayPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var section = File.Exists(path) ? Section(path, required: false) : null;
        JsonObject? overlay = null;
        if (overlayPath is not null)
        {
            overlay = File.Exists(overlayPath)
                ? Section(overlayPath, required: true)
                : throw new DerSimConfigException($"{overlayPath} ({OverlayVariable}): no such file");
        }

        // Each file alone first, so a wrong or unknown key is reported in the file that has it.
        var settings = Deserialize(section, path);
        if (overlay is not null)
        {
            Deserialize(overlay, overlayPath!);
            var merged = (JsonObject?)section?.DeepClone() ?? [];
            Merge(merged, overlay);
            settings = Deserialize(merged, overlayPath!);
        }

        if (Problems(settings).FirstOrDefault() is { } problem)
        {
            var file = overlay is not null && Holds(overlay, problem.Path) ? overlayPath! : path;
            throw new DerSimConfigException($"{file} at {problem.JsonPath}: {problem.Message}");
        }

        return settings;
    }

    /// <summary>
    /// Finds reqnroll.json: in the working directory or, failing that, beside the repository's solution
    /// (<c>DERSIM_ROOT</c>). The Reqnroll settings always come from it; <c>DERSIM_CONFIG</c> only adds to its <c>dersim</c> section.
    /// </summary>
    public static string Locate()
    {
        var here = Path.Combine(Directory.GetCurrentDirectory(), "reqnroll.json");
        if (File.Exists(here) || Environment.GetEnvironmentVariable("DERSIM_ROOT") is not { Length: > 0 } root)
        {
            return here;
        }

        return Path.Combine(root, "reqnroll.json");
    }

    private static IEnumerable<ConfigProblem> Problems(DerSimSettings settings)
    {
        if (settings.OfficialSchemasDirectory is { Length: > 0 } official && !DerSimSettings.HoldsOfficialSchemas(official))
        {
            yield return new(["officialSchemasDirectory"], $"expected a folder holding 1.6, 2.0.1 or 2.1 folders of official OCPP schemas, found none in {Path.GetFullPath(official)}");
        }

        foreach (var problem in HttpSettingsCheck.Problems(settings.Http))
        {
            yield return problem;
        }
    }

    private static JsonObject? Section(string path, bool required)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllBytes(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw Error(path, ex);
        }

        if (root is not JsonObject file)
        {
            throw new DerSimConfigException($"{path}: expected a JSON object at $");
        }

        return file["dersim"] switch
        {
            JsonObject section => section,
            null when !required => null,
            null => throw new DerSimConfigException($"{path} ({OverlayVariable}): expected a \"dersim\" section at $.dersim"),
            _ => throw new DerSimConfigException($"{path} at $.dersim: expected an object"),
        };
    }

    private static DerSimSettings Deserialize(JsonObject? section, string path)
    {
        try
        {
            return section?.Deserialize<DerSimSettings>(Options) ?? new DerSimSettings();
        }
        catch (JsonException ex)
        {
            throw Error(path, ex);
        }
    }

    private static DerSimConfigException Error(string path, JsonException ex)
    {
        // Positions of a section-level error are relative to the section, so name the path, not a line.
        var where = ex.LineNumber is { } line && ex.Path is null or "$" ? $":{line + 1}:{(ex.BytePositionInLine ?? 0) + 1}" : "";
        var at = ex.Path is { } p && p != "$" ? $" at $.dersim{p[1..]}" : "";
        return new DerSimConfigException($"{path}{where}{at}: {ex.Message.Split(" Path:")[0]}");
    }

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is JsonObject from && target[key] is JsonObject into)
            {
                Merge(into, from);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static bool Holds(JsonObject section, IReadOnlyList<string> path)
    {
        JsonNode? at = section;
        foreach (var key in path)
        {
            if (at is not JsonObject o || !o.TryGetPropertyValue(key, out at))
            {
                return false;
            }
        }

        return true;
    }
}

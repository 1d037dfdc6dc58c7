using System.Text.Json;

namespace DerSim.Harness.Configuration;

/// <summary>Reads the <c>dersim</c> section of <c>reqnroll.json</c>, keeping Reqnroll's file shape.</summary>
public static class DerSimConfig
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads <paramref name="path"/>; a missing file gives the defaults.</summary>
    /// <exception cref="DerSimConfigException">The file is not valid JSON or the section has a wrong or unknown key.</exception>
    public static DerSimSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            return new DerSimSettings();
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DerSimConfigException($"{path}: expected a JSON object at $");
            }

            var settings = document.RootElement.TryGetProperty("dersim", out var section)
                ? section.Deserialize<DerSimSettings>(Options) ?? new DerSimSettings()
                : new DerSimSettings();
            if (settings.OfficialSchemasDirectory is { Length: > 0 } official
                && !DerSimSettings.HoldsOfficialSchemas(official))
            {
                throw new DerSimConfigException(
                    $"{path} at $.dersim.officialSchemasDirectory: expected a folder holding 1.6, 2.0.1 or 2.1 folders of official OCPP schemas, found none in {Path.GetFullPath(official)}");
            }

            return settings;
        }
        catch (JsonException ex)
        {
            // Positions of a section-level error are relative to the section, so name the path, not a line.
            var where = ex.LineNumber is { } line && ex.Path is null or "$" ? $":{line + 1}:{(ex.BytePositionInLine ?? 0) + 1}" : "";
            var path2 = ex.Path is { } p && p != "$" ? $" at $.dersim{p[1..]}" : "";
            throw new DerSimConfigException($"{path}{where}{path2}: {ex.Message.Split(" Path:")[0]}");
        }
    }

    /// <summary>
    /// Finds the configuration: the file <c>DERSIM_CONFIG</c> names, else <c>reqnroll.json</c> in the working directory
    /// or, failing that, beside the repository's solution.
    /// </summary>
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable("DERSIM_CONFIG") is { Length: > 0 } named)
        {
            return named;
        }

        var here = Path.Combine(Directory.GetCurrentDirectory(), "reqnroll.json");
        if (File.Exists(here) || Environment.GetEnvironmentVariable("DERSIM_ROOT") is not { Length: > 0 } root)
        {
            return here;
        }

        return Path.Combine(root, "reqnroll.json");
    }
}

using System.Text;
using System.Text.Json;

namespace DerSim.Sim.Profiles;

/// <summary>
/// Loads an <see cref="EvseProfile"/> from a bundled name (<c>EVSE-AC-22kW-1port</c>, with or
/// without <c>.json</c>) or a file path, and rejects anything malformed with an
/// <see cref="EvseProfileException"/> that points at file, line, column and JSON path.
/// </summary>
public static class EvseProfileLoader
{
    private const string Extension = ".json";

    /// <summary>Loads and validates a profile.</summary>
    /// <param name="nameOrPath">A bundled profile name, with or without <c>.json</c>, or an absolute or relative path.</param>
    /// <param name="profilesDirectory">The folder holding the bundled profiles (see <see cref="ProfilesDirectory.Locate"/>).</param>
    /// <exception cref="EvseProfileException">The file is missing, not JSON, of the wrong shape or breaks a rule.</exception>
    public static EvseProfile Load(string nameOrPath, string profilesDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        var path = Resolve(nameOrPath, profilesDirectory);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new EvseProfileException($"EVSE profile '{path}' could not be read: {ex.Message}", path, null, null, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new EvseProfileException($"EVSE profile '{path}' could not be read: {ex.Message}", path, null, null, ex);
        }

        return Parse(bytes, path);
    }

    /// <summary>
    /// Parses profile JSON, checks it against <see cref="EvseProfileSchema"/> and the rules of <see cref="EvseProfileValidator"/>;
    /// <paramref name="sourceName"/> names it in error messages.
    /// </summary>
    /// <exception cref="EvseProfileException">The text is not JSON, of the wrong shape or breaks a rule.</exception>
    public static EvseProfile Parse(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        // System.Text.Json rejects a byte-order mark; editors on Windows like to write one.
        var json = utf8Json.StartsWith(Encoding.UTF8.Preamble) ? utf8Json[Encoding.UTF8.Preamble.Length..] : utf8Json;
        EvseProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<EvseProfile>(json, EvseProfileJson.Options);
        }
        catch (JsonException ex)
        {
            throw ShapeError(ex, json, sourceName);
        }

        if (profile is null)
        {
            throw Located(sourceName, json, "$", "expected a JSON object, found null", null);
        }

        var ruleErrors = EvseProfileValidator.Validate(profile);
        var schemaErrors = ruleErrors.Count > 0 || EvseProfileSchemaCheck.MayBreakSchema(profile) ? EvseProfileSchemaCheck.Validate(json) : [];
        var errors = Merge(ruleErrors, schemaErrors);
        if (errors.Count > 0)
        {
            var first = errors[0];
            var message = new StringBuilder(first.Message);
            foreach (var other in errors.Skip(1))
            {
                message.AppendLine().Append("  also at ").Append(Where(json, other.JsonPath)).Append(other.JsonPath).Append(": ").Append(other.Message);
            }

            throw Located(sourceName, json, first.JsonPath, message.ToString(), null);
        }

        return profile;
    }

    /// <summary>The names of the bundled profiles (file names without <c>.json</c>), sorted.</summary>
    public static IReadOnlyList<string> BundledNames(string profilesDirectory) =>
        Directory.Exists(profilesDirectory)
            ? Directory.EnumerateFiles(profilesDirectory, "*" + Extension)
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Where(n => !n.EndsWith(".schema", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>
    /// The rules' errors first (they say more), then what only the schema catches: a schema error on a node the rules
    /// already reported, or inside or around it, would say the same thing twice.
    /// </summary>
    private static List<EvseProfileError> Merge(IReadOnlyList<EvseProfileError> ruleErrors, IReadOnlyList<EvseProfileError> schemaErrors)
    {
        var merged = ruleErrors.ToList();
        foreach (var error in schemaErrors)
        {
            if (!merged.Any(known => Overlaps(known.JsonPath, error.JsonPath)))
            {
                merged.Add(error);
            }
        }

        return merged;
    }

    private static bool Overlaps(string a, string b) =>
        a == b || IsInside(a, b) || IsInside(b, a);

    private static bool IsInside(string inner, string outer) =>
        inner.StartsWith(outer, StringComparison.Ordinal) && inner.Length > outer.Length && inner[outer.Length] is '.' or '[';

    private static string Resolve(string nameOrPath, string profilesDirectory)
    {
        var looksLikePath = Path.IsPathRooted(nameOrPath)
            || nameOrPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || nameOrPath.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal);
        if (!looksLikePath)
        {
            var fileName = nameOrPath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? nameOrPath : nameOrPath + Extension;
            var bundled = Path.Combine(profilesDirectory, fileName);
            if (File.Exists(bundled))
            {
                return Path.GetFullPath(bundled);
            }
        }

        var full = Path.GetFullPath(nameOrPath);
        if (File.Exists(full))
        {
            return full;
        }

        var names = BundledNames(profilesDirectory);
        var known = names.Count > 0 ? string.Join(", ", names) : $"none found in '{profilesDirectory}'";
        throw new EvseProfileException(
            $"EVSE profile '{nameOrPath}' not found: no file '{full}' and no bundled profile of that name. Bundled profiles: {known}.",
            full,
            null,
            null);
    }

    private static EvseProfileException ShapeError(JsonException ex, ReadOnlySpan<byte> json, string sourceName)
    {
        var path = ex.Path ?? "$";
        var position = ex.LineNumber is { } line
            ? TextPosition.FromLineAndBytePosition(json, line, ex.BytePositionInLine ?? 0)
            : JsonPathLocator.FindNearest(json, path);
        var expectation = JsonErrorDescriber.Describe(ex, ref path);

        // Prefer the node's own position when the failure is about a known node (unknown property, missing member).
        if (JsonErrorDescriber.PointsAtNode(ex) && JsonPathLocator.FindNearest(json, path) is { } nodePosition)
        {
            position = nodePosition;
        }

        return new EvseProfileException(Format(sourceName, position, path, expectation), sourceName, position, path, ex);
    }

    private static EvseProfileException Located(string sourceName, ReadOnlySpan<byte> json, string jsonPath, string message, Exception? inner)
    {
        var position = JsonPathLocator.FindNearest(json, jsonPath);
        return new EvseProfileException(Format(sourceName, position, jsonPath, message), sourceName, position, jsonPath, inner);
    }

    private static string Where(ReadOnlySpan<byte> json, string jsonPath) =>
        JsonPathLocator.FindNearest(json, jsonPath) is { } p ? $"line {p.Line}, column {p.Column}, " : string.Empty;

    private static string Format(string sourceName, TextPosition? position, string jsonPath, string message)
    {
        var where = position is { } p ? $"{sourceName}:{p.Line}:{p.Column}" : sourceName;
        var lineText = position is { } q ? $" (line {q.Line}, column {q.Column})" : string.Empty;
        return $"Invalid EVSE profile {where}{lineText} at {jsonPath}: {message}";
    }
}

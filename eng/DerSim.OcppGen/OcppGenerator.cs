using System.Reflection;

namespace DerSim.OcppGen;

/// <summary>
/// Generates C# message records, enums, an action table and a JSON context per OCPP version from the official
/// schemas. The core is in-process so a test can compare its output with the committed files.
/// </summary>
public static class OcppGenerator
{
    /// <summary>Version folders below the schema root, e.g. "1.6".</summary>
    public static IReadOnlyList<string> VersionFolders { get; } = VersionInfo.All.Select(v => v.Folder).ToList();

    /// <summary>Generates every file for every version found below <paramref name="schemaRoot"/>.</summary>
    /// <exception cref="InvalidOperationException">A schema cannot be mapped, or an action lacks a direction.</exception>
    public static IReadOnlyList<GeneratedFile> Generate(string schemaRoot)
    {
        var files = new List<GeneratedFile>();
        var models = VersionInfo.All.ToDictionary(
            v => v.Id,
            v => new ModelBuilder(v).Build(Path.Combine(schemaRoot, v.Folder), LoadDirections(v)),
            StringComparer.Ordinal);
        foreach (var carried in models.Values.Where(m => m.Version.CarriedBy is not null).ToList())
        {
            var carrier = carried.Version.CarriedBy!;
            models[carrier] = CarrierCheck.Carry(carried, models[carrier]);
        }

        foreach (var model in models.Values)
        {
            files.AddRange(CSharpEmitter.Emit(model).Select(f => f with { Content = f.Content.ReplaceLineEndings("\n") }));
        }

        return files;
    }

    /// <summary>The folders below the output root whose *.g.cs files the generator owns.</summary>
    public static IReadOnlyList<string> OwnedFolders { get; } = VersionInfo.All.Select(v => v.Id + "/Generated").ToList();

    private static Dictionary<string, string> LoadDirections(VersionInfo version)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Directions.{version.Id}.txt")
            ?? throw new InvalidOperationException($"Missing embedded Directions/{version.Id}.txt.");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] allowed = ["StationToCsms", "CsmsToStation", "Both"];
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !allowed.Contains(parts[1]) || !result.TryAdd(parts[0], parts[1]))
            {
                throw new InvalidOperationException($"Directions/{version.Id}.txt: bad or duplicate line '{line}'.");
            }
        }

        return result;
    }
}

using DerSim.OcppGen;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>The committed generated files equal what the generator makes from the official schemas today.</summary>
[TestFixture]
public sealed class GeneratedCodeIsCurrentTests
{
    [Test]
    public void Committed_generated_files_match_the_generator_output()
    {
        var schemas = RepoPaths.RequireOfficialSchemas();
        var outputRoot = Path.Combine(RepoPaths.RepoRoot, "src", "DerSim.Ocpp");

        var generated = OcppGenerator.Generate(schemas);

        var stale = new List<string>();
        foreach (var file in generated)
        {
            var path = Path.Combine(outputRoot, file.RelativePath);
            if (!File.Exists(path) || File.ReadAllText(path).ReplaceLineEndings("\n") != file.Content)
            {
                stale.Add(file.RelativePath);
            }
        }

        var expected = generated.Select(f => Path.GetFullPath(Path.Combine(outputRoot, f.RelativePath))).ToHashSet(StringComparer.Ordinal);
        var extra = OcppGenerator.OwnedFolders
            .Select(f => Path.Combine(outputRoot, f))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.g.cs", SearchOption.AllDirectories))
            .Where(f => !expected.Contains(Path.GetFullPath(f)))
            .ToList();

        stale.ShouldBeEmpty("regenerate: dotnet run --project eng/DerSim.OcppGen -- ../shared/ocpp-schemas src/DerSim.Ocpp");
        extra.ShouldBeEmpty("generated files the generator no longer makes");
        generated.Count.ShouldBeGreaterThan(190);
    }
}

using System.Text.RegularExpressions;

namespace DerSim.Harness.Tests.Gherkin;

/// <summary>The Gherkin layer (the glue onto Reqnroll, the feature loader, the NUnit front) depends on nothing else in DerSim.</summary>
public sealed partial class LayerIndependenceTests
{
    [Test]
    public void No_file_of_the_layer_uses_another_DerSim_namespace()
    {
        var folder = Path.Combine(StrictCsms.StrictCsmsProcess.RepoRoot(), "src", "DerSim.Harness", "Gherkin");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        files.Length.ShouldBeGreaterThan(10);
        var offending = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in DerSimName().Matches(lines[i]))
                {
                    if (!match.Value.StartsWith("DerSim.Harness.Gherkin", StringComparison.Ordinal))
                    {
                        offending.Add($"{Path.GetRelativePath(folder, file)}:{i + 1}: {match.Value}");
                    }
                }
            }
        }

        offending.ShouldBeEmpty();
    }

    [Test]
    public void No_type_of_the_layer_refers_to_another_DerSim_type()
    {
        var layer = typeof(DerSim.Harness.Gherkin.Glue.ReqnrollExecutor).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("DerSim.Harness.Gherkin", StringComparison.Ordinal) == true);
        var offending = new List<string>();
        foreach (var type in layer)
        {
            var referenced = type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).Select(f => f.FieldType)
                .Concat(type.GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly)
                    .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
            offending.AddRange(referenced
                .Where(r => r.Namespace?.StartsWith("DerSim", StringComparison.Ordinal) == true && !r.Namespace.StartsWith("DerSim.Harness.Gherkin", StringComparison.Ordinal))
                .Select(r => $"{type.FullName} -> {r.FullName}"));
        }

        offending.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\bDerSim(\.[A-Z]\w*)+")]
    private static partial Regex DerSimName();
}

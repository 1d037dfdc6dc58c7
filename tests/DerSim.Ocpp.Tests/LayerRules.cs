using System.Reflection;
using System.Xml.Linq;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Ocpp.Tests;

/// <summary>
/// The layer rules, checked twice per assembly: the project may only reference the allowed DerSim projects (what the
/// compiler enforces), and the built assembly only references allowed DerSim assemblies (what it really uses).
/// </summary>
internal static class LayerRules
{
    public static void Check(Assembly assembly, string project, params string[] allowed)
    {
        var ours = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(IsDerSim).Order(StringComparer.Ordinal).ToList();
        ours.ShouldBeSubsetOf(allowed, $"{assembly.GetName().Name} references {string.Join(", ", ours)}");

        var root = RepoPaths.RepoRoot;
        var csproj = XDocument.Load(Path.Combine(root, project));
        var projects = csproj.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
        projects.ShouldBeSubsetOf(allowed, $"{project} has project references {string.Join(", ", projects)}");
    }

    /// <summary>
    /// The folders (namespaces) of <paramref name="assembly"/> under <paramref name="root"/> form no cycle: one folder
    /// may use another, or the other this one, never both, not even through a third.
    /// </summary>
    public static void CheckNoFolderCycles(Assembly assembly, string root)
    {
        var cycles = FolderGraph.Of(assembly, root).Cycles();
        cycles.ShouldBeEmpty($"{assembly.GetName().Name} has folders that use each other:\n{string.Join("\n", cycles)}");
    }

    // The DerSim assemblies: DerSim.* and the harness, whose assembly is named after its command (dersim).
    private static bool IsDerSim(string name) => name.StartsWith("DerSim.", StringComparison.Ordinal) || name == "dersim";
}

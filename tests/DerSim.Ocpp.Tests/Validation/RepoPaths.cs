namespace DerSim.Ocpp.Tests.Validation;

/// <summary>Finds the repository root and the official schema folder beside it (../shared/ocpp-schemas).</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding DerSim.sln, walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The official schemas, or null when this checkout has no ../shared/ocpp-schemas.</summary>
    public static string? OfficialSchemas { get; } = FindOfficial();

    /// <summary>The official schema root, or an ignored test with the reason.</summary>
    public static string RequireOfficialSchemas() =>
        OfficialSchemas ?? throw new IgnoreException(
            "Official OCPP schemas not found: expected ../shared/ocpp-schemas next to the repository (walked up from " + TestContext.CurrentContext.TestDirectory + ").");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DerSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DerSim.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    private static string? FindOfficial()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "ocpp-schemas");
            if (Directory.Exists(Path.Combine(candidate, "1.6")))
            {
                return candidate;
            }
        }

        return null;
    }
}

namespace DerSim.Sim.Profiles;

/// <summary>Finds the folder holding the bundled <c>profiles/*.json</c>.</summary>
public static class ProfilesDirectory
{
    /// <summary>Environment variable that overrides the search.</summary>
    public const string EnvironmentVariable = "DERSIM_PROFILES_DIR";

    private const string FolderName = "profiles";

    /// <summary>
    /// Returns <c>$DERSIM_PROFILES_DIR</c> when set, else the first <c>profiles/</c> folder found
    /// walking up from <see cref="AppContext.BaseDirectory"/> (covers both a repo checkout's
    /// bin folder and an installed layout with profiles beside the executable).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither the variable nor the walk finds the folder.</exception>
    public static string Locate() => Locate(AppContext.BaseDirectory, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The search of <see cref="Locate()"/> with explicit inputs, for tests.</summary>
    public static string Locate(string startDirectory, string? overrideDirectory)
    {
        if (!string.IsNullOrWhiteSpace(overrideDirectory))
        {
            return Directory.Exists(overrideDirectory)
                ? Path.GetFullPath(overrideDirectory)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} points at '{overrideDirectory}', which does not exist.");
        }

        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.json").Any())
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No '{FolderName}' folder with profiles found above '{startDirectory}'; set {EnvironmentVariable} to the folder holding the EVSE profiles.");
    }
}

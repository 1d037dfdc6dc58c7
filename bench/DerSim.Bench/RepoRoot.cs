namespace DerSim.Bench;

/// <summary>Finds the checkout the bench runs in.</summary>
public static class RepoRoot
{
    /// <summary>The first folder holding DerSim.sln, walking up from the working directory and then from the binary.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DerSim.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("DerSim.sln not found above the working directory or the bench binary");
    }
}

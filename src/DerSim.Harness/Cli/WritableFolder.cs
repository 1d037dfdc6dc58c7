namespace DerSim.Harness.Cli;

/// <summary>Checks, before any work, that a folder DerSim will write into can be created and written.</summary>
internal static class WritableFolder
{
    /// <summary>
    /// Null when <paramref name="path"/> exists or could be created and a file could be written in it; else one line
    /// naming the path and why not.
    /// </summary>
    public static string? Problem(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".dersim-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"cannot write to the folder {path}: {ex.Message}";
        }
    }
}

namespace DerSim.Harness.Reporting.Allure;

/// <summary>Writes the results as files into a directory (Allure's <c>allure-results</c>).</summary>
public sealed class AllureDirectorySink : IAllureResultsSink
{
    /// <summary>Writes into <paramref name="directory"/>, created when missing.</summary>
    public AllureDirectorySink(string directory)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The results directory.</summary>
    public string Directory { get; }

    /// <summary>Deletes the previous run's results so a report shows only this run (history lives elsewhere).</summary>
    public static AllureDirectorySink Fresh(string directory)
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        return new AllureDirectorySink(directory);
    }

    /// <inheritdoc />
    public void WriteResult(AllureTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Write($"{result.Uuid}-result.json", AllureJson.Serialize(result));
    }

    /// <inheritdoc />
    public void WriteContainer(AllureContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        Write($"{container.Uuid}-container.json", AllureJson.Serialize(container));
    }

    /// <inheritdoc />
    public void WriteAttachment(string source, byte[] content) => Write(source, content);

    /// <inheritdoc />
    public void WriteFile(string fileName, byte[] content) => Write(fileName, content);

    private void Write(string fileName, byte[] content)
    {
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"not a plain file name: {fileName}", nameof(fileName));
        }

        // Write then rename: a report generated while the run goes on never reads half a file.
        var path = Path.Combine(Directory, fileName);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}

namespace DerSim.Harness.Reporting;

/// <summary>
/// A scenario's files beside the report: <c>&lt;reports&gt;/traffic/&lt;name&gt;&lt;suffix&gt;</c>, linked from its page
/// as <c>../traffic/…</c>, relative to the report page in <c>&lt;reports&gt;/allure-report/</c> (<see cref="ReportSession.ReportDirectory"/>),
/// so the links work when the reports folder is opened from file:// or served as a whole.
/// </summary>
/// <param name="ReportsDirectory">The reports folder (<c>dersim run --reports</c>).</param>
/// <param name="Name">The scenario's file name (<c>TrafficHooks.FileNameOf</c>).</param>
public sealed record ScenarioFiles(string ReportsDirectory, string Name)
{
    /// <summary>The environment variable with the reports folder, which <c>dersim run</c> sets; unset, nothing is saved.</summary>
    public const string ReportsDirectoryVariable = "DERSIM_REPORTS_DIR";

    /// <summary>The folder under the reports folder.</summary>
    public const string Folder = "traffic";

    /// <summary>Where the file with <paramref name="suffix"/> (".ndjson", ".txt", …) goes.</summary>
    public string PathOf(string suffix) => Path.Combine(ReportsDirectory, Folder, Name + suffix);

    /// <summary>The file with <paramref name="suffix"/> as a URL relative to the report page.</summary>
    public string UrlOf(string suffix) => $"../{Folder}/{Uri.EscapeDataString(Name + suffix)}";

    /// <summary>Writes the file with <paramref name="suffix"/>, atomically (a report opened meanwhile never links half a file).</summary>
    public void Write(string suffix, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(suffix);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}

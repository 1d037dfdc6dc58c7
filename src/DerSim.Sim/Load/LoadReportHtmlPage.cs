namespace DerSim.Sim.Load;

/// <summary>
/// The one-page HTML report as a page of a run's report folder: <c>index.html</c> (<see cref="LoadReportHtml"/>) beside
/// the <c>summary.json</c> the runner wrote, replaced atomically. Its <see cref="Write"/> has the shape of the runner's
/// report-page seam (a page takes the summary and the folder and returns the file it wrote).
/// </summary>
public sealed class LoadReportHtmlPage
{
    /// <summary>Writes <c>index.html</c> for <paramref name="summary"/> into <paramref name="folder"/>; returns its path.</summary>
    public string Write(LoadSummary summary, string folder)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var path = Path.Combine(folder, LoadReportHtml.FileName);
        LoadReportFolder.ReplaceFile(path, LoadReportHtml.Write(summary));
        return path;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace DerSim.Sim.Load;

/// <summary>
/// A load run's report folder (<c>reports/load/&lt;UTC time&gt;/</c>): <c>summary.json</c> (<see cref="LoadSummaryJson"/>)
/// and <c>index.html</c> (<see cref="LoadReportHtml"/>), written so that no reader ever sees half a file, and without
/// anything secret in the CSMS URL. <c>dersim load-merge</c> writes its merged folder with it.
/// </summary>
public static partial class LoadReportFolder
{
    /// <summary>
    /// The folder name for a run that started at <paramref name="startedAt"/>: its UTC time to the second in ISO 8601's
    /// basic form, <c>20261207T080000Z</c>, as <c>./sim --stations</c> names its run folders (no colons, so the name is
    /// also valid on Windows and in CI artefact names).
    /// </summary>
    public static string Name(DateTimeOffset startedAt) =>
        startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes <paramref name="summary"/> into <paramref name="directory"/> as <c>summary.json</c> and <c>index.html</c>,
    /// with credentials and query left out of the CSMS URL. Both texts are made before anything is written. A folder
    /// that does not exist yet appears whole (written as a hidden sibling, then renamed); in an existing folder each
    /// file is written beside itself and renamed over the old one. Throws <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> (naming the path) when the folder cannot be written; no temporary file
    /// is left behind.
    /// </summary>
    public static void Write(LoadSummary summary, string directory)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var safe = WithoutSecrets(summary);
        (string Name, string Text)[] files = [(LoadSummaryJson.FileName, LoadSummaryJson.Write(safe)), (LoadReportHtml.FileName, LoadReportHtml.Write(safe))];
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"cannot write the load report into the root folder {target}");
        Directory.CreateDirectory(parent);
        if (!Directory.Exists(target) && TryWriteNewFolder(target, parent, files))
        {
            return;
        }

        foreach (var (name, text) in files)
        {
            ReplaceFile(Path.Combine(target, name), text);
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> through a hidden file beside it renamed over it, so a
    /// reader sees the old file or the new one, never half of one.
    /// </summary>
    internal static void ReplaceFile(string path, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.tmp-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary><paramref name="summary"/> with every CSMS URL it names reduced by <see cref="SafeTarget"/>.</summary>
    public static LoadSummary WithoutSecrets(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary with
        {
            Run = summary.Run with { Target = SafeTarget(summary.Run.Target) },
            Shards = [.. summary.Shards.Select(r => r with { Target = SafeTarget(r.Target) })],
        };
    }

    /// <summary>
    /// A CSMS URL (or several, comma-separated, as a merge joins them) as a report may show it: scheme, host, port and
    /// path; user name, password, query and fragment left out.
    /// </summary>
    public static string SafeTarget(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return string.Join(", ", target.Split(", ").Select(part =>
            Uri.TryCreate(part, UriKind.Absolute, out var uri) && uri.Host.Length > 0
                ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
                // Not a URL .NET parses: cut what looks like user info and everything from a '?' or '#'.
                : UserInfo().Replace(part.Split('?', '#')[0], "$1")));
    }

    private static bool TryWriteNewFolder(string target, string parent, (string Name, string Text)[] files)
    {
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(staging, name), text);
            }

            Directory.Move(staging, target);
            return true;
        }
        catch (IOException) when (Directory.Exists(target))
        {
            // Someone made the folder meanwhile (another shard writing the same second): write into it file by file.
            return false;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*://)?[^/@]*@")]
    private static partial Regex UserInfo();
}

using System.Text;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// Saves each scenario's OCPP traffic (NDJSON and a transcript) under the reports folder when a run asks for it; the
/// reporting hooks link it from the scenario's report page.
/// </summary>
[Binding]
public sealed class TrafficHooks(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>The folder <c>dersim run</c> sets; traffic goes to its <c>traffic/</c> subfolder. Unset: nothing is saved.</summary>
    public const string ReportsDirectoryVariable = Reporting.ScenarioFiles.ReportsDirectoryVariable;

    /// <summary>Writes <c>traffic/&lt;scenario&gt;.ndjson</c> (every frame of every station, in order) and <c>traffic/&lt;scenario&gt;.txt</c> (one line per frame).</summary>
    [AfterScenario(Order = 100)]
    public void SaveTraffic()
    {
        if (FilesOf(world, scenario) is not { } files || world.Recorder.Frames.Count == 0)
        {
            return;
        }

        world.Recorder.SaveNdjson(files.PathOf(".ndjson"));
        files.Write(".txt", Encoding.UTF8.GetBytes(world.Recorder.Transcript()));
    }

    /// <summary>The scenario's files beside the report, or null when the run saves none.</summary>
    public static Reporting.ScenarioFiles? FilesOf(ScenarioWorld world, ScenarioContext scenario)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(scenario);
        return world.ReportsDirectory is { } reports ? new Reporting.ScenarioFiles(reports, FileNameOf(scenario.TestName())) : null;
    }

    /// <summary>The longest file name <see cref="FileNameOf"/> gives.</summary>
    public const int MaxFileName = 150;

    /// <summary>
    /// A file name for a scenario: letters, digits, '-', '_' and '.', the rest as '_', at most 150 characters. A longer
    /// name is cut and ends in a hash of the whole name, so two scenarios (two Examples rows of one outline) that differ
    /// only past the cut still get files of their own.
    /// </summary>
    public static string FileNameOf(string testName)
    {
        ArgumentNullException.ThrowIfNull(testName);
        var name = new StringBuilder(testName.Length);
        foreach (var c in testName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var text = name.ToString();
        while (text.Contains("__", StringComparison.Ordinal))
        {
            text = text.Replace("__", "_", StringComparison.Ordinal);
        }

        text = text.Trim('_');
        if (text.Length <= MaxFileName)
        {
            return text;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(testName)))[..10];
        return text[..(MaxFileName - hash.Length - 1)] + "-" + hash;
    }
}

using System.Text;
using DerSim.Harness.Drivers;
using DerSim.Harness.Gherkin;

namespace DerSim.Harness.Steps;

/// <summary>Saves each scenario's OCPP traffic as NDJSON under the reports folder when a run asks for it.</summary>
[Binding]
public sealed class TrafficHooks(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>The folder <c>dersim run</c> sets; traffic goes to its <c>traffic/</c> subfolder. Unset: nothing is saved.</summary>
    public const string ReportsDirectoryVariable = "DERSIM_REPORTS_DIR";

    /// <summary>Writes <c>traffic/&lt;scenario&gt;.ndjson</c> (every frame of every station, in order).</summary>
    [AfterScenario(Order = 100)]
    public void SaveTraffic()
    {
        if (Environment.GetEnvironmentVariable(ReportsDirectoryVariable) is not { Length: > 0 } reports || world.Recorder.Frames.Count == 0)
        {
            return;
        }

        world.Recorder.SaveNdjson(Path.Combine(reports, "traffic", FileNameOf(scenario.ScenarioInfo.TestName) + ".ndjson"));
    }

    /// <summary>A file name for a scenario: letters, digits, '-', '_' and '.', the rest as '_', at most 150 characters.</summary>
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
        return text.Length > 150 ? text[..150] : text;
    }
}

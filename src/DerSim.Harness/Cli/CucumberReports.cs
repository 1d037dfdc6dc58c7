namespace DerSim.Harness.Cli;

/// <summary>
/// Turns on Reqnroll's own Cucumber Messages (NDJSON) and HTML formatters for a <c>dersim run</c>, written into the
/// reports folder, so any Cucumber tool can read the run. A formatter the user configured (reqnroll.json or the
/// <c>REQNROLL_FORMATTERS_*</c> environment variables) is left as the user set it.
/// </summary>
internal static class CucumberReports
{
    /// <summary>The NDJSON file's name in the reports folder.</summary>
    public const string Messages = "cucumber-messages.ndjson";

    /// <summary>The HTML report's name in the reports folder.</summary>
    public const string Html = "cucumber-report.html";

    /// <summary>
    /// Points the message and HTML formatters at <paramref name="reportsDirectory"/> unless <paramref name="configured"/>
    /// (the <c>formatters</c> of reqnroll.json) or the environment already configures them.
    /// </summary>
    public static void Configure(string reportsDirectory, IReadOnlyCollection<string> configured)
    {
        Set("message", "REQNROLL_FORMATTERS_MESSAGE", Path.Combine(reportsDirectory, Messages), configured);
        Set("html", "REQNROLL_FORMATTERS_HTML", Path.Combine(reportsDirectory, Html), configured);
    }

    private static void Set(string formatter, string variable, string path, IReadOnlyCollection<string> configured)
    {
        if (!configured.Contains(formatter, StringComparer.OrdinalIgnoreCase) && Environment.GetEnvironmentVariable(variable) is not { Length: > 0 })
        {
            Environment.SetEnvironmentVariable(variable, $"outputFilePath={path}");
        }
    }
}

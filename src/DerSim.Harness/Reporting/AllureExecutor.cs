namespace DerSim.Harness.Reporting;

/// <summary>executor.json: what ran the suite.</summary>
/// <param name="Name">The executor ("dersim", or the CI's name).</param>
/// <param name="Type">Its kind ("local", "github", ...).</param>
/// <param name="BuildName">The build's name, or null.</param>
/// <param name="BuildUrl">A link to the build, or null.</param>
/// <param name="ReportName">The report's title.</param>
public sealed record AllureExecutor(string Name, string Type, string? BuildName, string? BuildUrl, string ReportName);

namespace DerSim.Harness.Reporting;

/// <summary>What rendering the HTML report did.</summary>
/// <param name="Rendered">Whether the report file was written.</param>
/// <param name="ReportFile">The single-file report (index.html), or null when not rendered.</param>
/// <param name="Message">One line for the console: where the report is, or why not and how to render it.</param>
/// <param name="Elapsed">How long rendering took.</param>
public sealed record RenderOutcome(bool Rendered, string? ReportFile, string Message, TimeSpan Elapsed);

using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Reporting;

/// <summary>Something a step did that a report shows nested under it (an OCPP exchange, a hook).</summary>
/// <param name="Name">What happened ("DERSIM-1 → BootNotification").</param>
/// <param name="Status">How it went.</param>
/// <param name="Detail">Why it did not pass, or null.</param>
public sealed record ReportSubStep(string Name, ScenarioStatus Status, string? Detail = null);

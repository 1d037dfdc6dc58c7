using DerSim.Gherkin.Model;

namespace DerSim.Harness.Reporting.Evidence;

/// <summary>Something a step did that a report shows nested under it (an OCPP exchange, a hook).</summary>
/// <param name="Name">What happened ("DERSIM-1 → BootNotification").</param>
/// <param name="Status">How it went.</param>
/// <param name="Detail">Why it did not pass, or null.</param>
public sealed record ReportSubStep(string Name, ScenarioStatus Status, string? Detail = null)
{
    /// <summary>
    /// False for evidence only a failure needs (the OCPP exchanges of each step): reporters leave it out when the
    /// scenario does not fail (see <see cref="ScenarioEvidence.IsFailure"/>). The default value is true.
    /// </summary>
    public bool KeptWhenNotFailed { get; init; } = true;
}

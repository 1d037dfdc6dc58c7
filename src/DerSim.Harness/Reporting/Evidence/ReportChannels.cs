namespace DerSim.Harness.Reporting.Evidence;

/// <summary>
/// The channels from bindings and hooks to reporters: what they add waits in the scenario's context until the reporter
/// takes it (the binding layer has no nested-step or link event).
/// </summary>
public static class ReportChannels
{
    /// <summary>Sub-steps of the running step (an OCPP exchange, a hook), taken when the step ends.</summary>
    public static ContextQueue<ReportSubStep> SubSteps { get; } = new("DerSim.Reporting.SubSteps");

    /// <summary>Links to the scenario's files, taken when the scenario ends.</summary>
    public static ContextQueue<ReportLink> Links { get; } = new("DerSim.Reporting.Links");
}

namespace DerSim.Harness.Reporting.Allure;

/// <summary>What the Allure writer stamps on results; tests replace the clock, ids and host for golden files.</summary>
public sealed record AllureWriterOptions
{
    /// <summary>Start and stop times (wall clock: reports say when the run happened). The default value is the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Makes the uuid of each result, container and attachment. The default value is a random GUID.</summary>
    public Func<string> NewUuid { get; init; } = () => Guid.NewGuid().ToString();

    /// <summary>The host label. The default value is the machine name.</summary>
    public string Host { get; init; } = Environment.MachineName;

    /// <summary>The thread label, read when a scenario starts. The default value is "&lt;pid&gt;-&lt;managed thread id&gt;".</summary>
    public Func<string> Thread { get; init; } = () => $"{Environment.ProcessId}-{Environment.CurrentManagedThreadId}";

    /// <summary>
    /// Step and scenario hooks not shown (as sub-steps, as set-up or tear-down) when they pass, by "Class." prefix of
    /// their method. The default value is the reporting and traffic hooks, which only collect evidence.
    /// </summary>
    public IReadOnlyList<string> QuietHooks { get; init; } = ["ReportingHooks.", "TrafficHooks."];

    /// <summary>
    /// Whether an undefined or pending step makes a scenario ERROR (broken) rather than INCONCLUSIVE (skipped), as
    /// <see cref="Conformance.Verdicts.Of"/> takes it: true when Reqnroll's <c>runtime.missingOrPendingStepsOutcome</c>
    /// is <c>Error</c>. The default value is false.
    /// </summary>
    public bool MissingStepsFail { get; init; }

    /// <summary>
    /// Where the conformance report lies relative to the Allure HTML, for the link of every OCA case a scenario is
    /// (<c>{0}</c>: the anchor, <c>&lt;version&gt;-&lt;case id&gt;</c>). The default value is
    /// <c>../conformance.html#{0}</c>: the report in <c>reports/allure-report/</c>, the page in <c>reports/</c>.
    /// </summary>
    public string ConformanceCaseLink { get; init; } = "../conformance.html#{0}";

    /// <summary>Link URL templates for issue, tms and OCA test-case tags.</summary>
    public AllureLinkTemplates Links { get; init; } = new();
}

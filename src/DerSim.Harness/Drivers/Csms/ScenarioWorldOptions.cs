using DerSim.Harness.Configuration;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// Overrides for the scenarios of one test run, stored in Reqnroll's test run context (by type name; <see cref="Gherkin.Glue.ReqnrollExecutor.RunValues"/>) before
/// the run: a host that runs features against a particular CSMS without touching the process environment.
/// </summary>
public sealed record ScenarioWorldOptions
{
    /// <summary>The settings to use instead of reading <c>reqnroll.json</c>; null reads it. The default value is null.</summary>
    public DerSimSettings? Settings { get; init; }

    /// <summary>Environment lookup to use instead of the process's; null uses the process's. The default value is null.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>Where the Manual driver prints its instructions; null prints to the console. The default value is null.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>
    /// The real clock the scenario's simulated clock starts from (and catches up with while the scenario stands still);
    /// null uses the system's. The default value is null.
    /// </summary>
    public TimeProvider? Time { get; init; }
}

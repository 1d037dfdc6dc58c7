using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>Simulated time.</summary>
[Binding]
public sealed class TimeSteps(ScenarioWorld world)
{
    /// <summary>
    /// Lets simulated time pass for every station of the scenario (as fast as the CSMS answers); running transactions
    /// sample, EVs charge. Example: <c>When 30 minutes pass</c>
    /// </summary>
    [When("{int} minute(s) pass(es)")]
    public Task MinutesPass(int minutes) => world.Simulator.AdvanceAsync(TimeSpan.FromMinutes(minutes));
}

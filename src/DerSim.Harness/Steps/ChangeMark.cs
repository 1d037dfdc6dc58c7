using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The simulated instant of the scenario's latest grid, DER or set-point change, so assertions can look only at what
/// the station reported after it ("since the last change").
/// </summary>
/// <param name="At">The simulated time of the change.</param>
/// <param name="What">The change, for assertion messages.</param>
internal sealed record ChangeMark(DateTimeOffset At, string What)
{
    private const string Key = "dersim.lastChange";

    /// <summary>Records a change at <paramref name="at"/>.</summary>
    public static void Set(ScenarioContext scenario, DateTimeOffset at, string what) => scenario.Set(new ChangeMark(at, what), Key);

    /// <summary>The latest change, or null when the scenario made none.</summary>
    public static ChangeMark? Latest(ScenarioContext scenario) => scenario.TryGetValue<ChangeMark>(Key, out var mark) ? mark : null;
}

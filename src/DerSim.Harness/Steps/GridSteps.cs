using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Sim.Physics;

namespace DerSim.Harness.Steps;

/// <summary>
/// The simulated grid the scenario's stations are connected to: frequency and voltage steps, and the return to
/// nominal. Every started station of the scenario sees the same grid; grid-support controls react to it.
/// </summary>
[Binding]
public sealed class GridSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Steps the grid frequency of every started station to a value in Hz (nominal 50 Hz).
    /// Example: <c>When the grid frequency rises to 50.5 Hz</c>
    /// </summary>
    [When("the grid frequency rises/drops/falls/goes to {float} Hz")]
    public Task Frequency(float hz) => Change(g => g.SetFrequency(hz), string.Create(CultureInfo.InvariantCulture, $"grid frequency {hz} Hz"));

    /// <summary>
    /// Steps the grid voltage to a percentage of its nominal voltage (230 V).
    /// Example: <c>When the grid voltage drops to 90 %</c>
    /// </summary>
    [When("the grid voltage rises/drops/falls/goes to {float} %")]
    public Task VoltagePercent(float percent) =>
        Change(g => g.SetVoltage(g.State.NominalVoltageV * percent / 100), string.Create(CultureInfo.InvariantCulture, $"grid voltage {percent} %"));

    /// <summary>
    /// Steps the grid voltage (phase to neutral) to a value in V.
    /// Example: <c>When the grid voltage drops to 207 V</c>
    /// </summary>
    [When("the grid voltage rises/drops/falls/goes to {float} V")]
    public Task VoltageVolts(float volts) => Change(g => g.SetVoltage(volts), string.Create(CultureInfo.InvariantCulture, $"grid voltage {volts} V"));

    /// <summary>
    /// Puts the grid back to its nominal voltage and frequency.
    /// Example: <c>When the grid returns to nominal</c>
    /// </summary>
    [When("the grid returns to nominal")]
    public Task Nominal() => Change(g => g.Restore(), "grid back to nominal");

    private async Task Change(Action<SimulatedGrid> step, string what)
    {
        var stations = world.Simulator.Stations.Values.Where(s => s.Runner is not null).ToList();
        if (stations.Count == 0)
        {
            throw new InvalidOperationException("no station is connected yet: add a step like When the station connects to the CSMS");
        }

        foreach (var station in stations)
        {
            var runner = await world.Simulator.BootedAsync(station).ConfigureAwait(false);
            step(runner.Engine.Grid);
        }

        ChangeMark.Set(scenario, world.Simulator.Clock.Now, what);
    }
}

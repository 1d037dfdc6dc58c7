using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>EVs, charging sessions and simulated time.</summary>
[Binding]
public sealed class SessionSteps(ScenarioWorld world)
{
    /// <summary>
    /// Plugs an EV preset (compact-ac, sedan-75, truck-350, v2g-50, phev-ac) into the station's first EVSE as soon as it
    /// is booted; it authorises with the default token, charges from the first state of charge towards the second,
    /// then unplugs. Example: <c>Given an EV "sedan-75" at 20% that wants 80%</c>
    /// </summary>
    [Given("an EV {string} at {int}% that wants {int}%")]
    public void PlanSession(string preset, int initialSoc, int targetSoc)
    {
        var station = world.Simulator.Station();
        station.Plan = station.Plan with { Sessions = 1, EvPreset = preset, InitialSocPercent = initialSoc, TargetSocPercent = targetSoc };
    }

    /// <summary>
    /// Lets simulated time pass while the stations work; it passes as fast as the CSMS answers.
    /// Example: <c>When the EV charges for 30 minutes</c>
    /// </summary>
    [When("the EV charges for {int} minute(s)")]
    public async Task ChargeFor(int minutes)
    {
        await TransactionStarted().ConfigureAwait(false);
        await world.Simulator.AdvanceAsync(TimeSpan.FromMinutes(minutes)).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until the station started a transaction and the CSMS answered it: StartTransaction in 1.6, TransactionEvent
    /// Started in 2.x, each with its CALLRESULT (a CSMS asked about the transaction before it answered may not know it).
    /// Example: <c>Then the station starts a transaction</c>
    /// </summary>
    [Then("the station starts a transaction")]
    public Task TransactionStarted()
    {
        var station = world.Simulator.Station();
        return world.Simulator.WaitForAsync(
            q => CsmsTraffic.AnsweredStarts(q, station.Id, station.Version).Count > 0,
            $"a transaction start from {station.Id} answered by the CSMS");
    }
}

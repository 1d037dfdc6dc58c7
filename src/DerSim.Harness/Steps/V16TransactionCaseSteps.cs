using DerSim.Harness.Drivers;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The station-initiated OCA 1.6 Core cases (sessions, refused tokens, the lock failure, the power failure, offline
/// transactions): what happens to the station besides the EV's and driver's steps other step classes offer. The checks
/// of these cases are the CSMS-side steps of the traffic, authorization and transaction step classes.
/// </summary>
[Binding]
public sealed class V16TransactionCaseSteps(ScenarioWorld world)
{
    /// <summary>
    /// The station loses its power during whatever it does and gets it back: the connection goes at once, the station
    /// boots again, and each transaction the failure interrupted is stopped with reason PowerLoss, its stop message
    /// delivered after the new boot. Completes once the station sent its new BootNotification; the CSMS's answers are
    /// left to the checks. Example: <c>When the station loses power and boots again</c>
    /// </summary>
    [When("the station loses power and boots again")]
    public async Task LosesPower()
    {
        var station = world.Simulator.Station();
        var engine = station.Runner?.Engine ?? throw new InvalidOperationException("the station is not connected: start with Given the station is Booted");
        int Boots(Traffic.TrafficQuery q) => q.Station(station.Id).Sent().Calls().Action("BootNotification").Count;
        var before = Boots(world.Recorder.Query());
        await engine.LosePowerAsync(CancellationToken.None).WaitAsync(world.Simulator.WaitTimeout).ConfigureAwait(false);
        await world.Simulator.WaitForAsync(q => Boots(q) > before, $"{station.Id}'s BootNotification after the power came back").ConfigureAwait(false);
    }
}

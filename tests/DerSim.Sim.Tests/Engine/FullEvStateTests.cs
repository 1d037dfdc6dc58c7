using DerSim.Ocpp;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// One rule for who suspends, on every path (the <c>./sim</c> plan here, scenarios' stepped sessions alike): an EV that
/// reached its target stopped drawing, so the station reports SuspendedEV, never SuspendedEVSE (which means the EVSE or
/// CSMS limited it to 0).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class FullEvStateTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_planned_session_reports_a_full_EV_as_SuspendedEV(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"FULL-{version}", "EVSE-AC-22kW-1port");
        rig.ReleaseTime();

        await rig.Runner.SessionsCompleted.WaitAsync(TimeSpan.FromSeconds(30));

        var states = version == OcppVersion.V16
            ? rig.Calls("StatusNotification").Select(c => c.Payload.GetProperty("status").GetString()).ToList()
            : rig.TransactionEvents().Where(e => e.GetProperty("triggerReason").GetString() == "ChargingStateChanged")
                .Select(e => e.GetProperty("transactionInfo").GetProperty("chargingState").GetString()).ToList();
        states.ShouldContain("SuspendedEV", rig.Describe());
        states.ShouldNotContain("SuspendedEVSE", rig.Describe());
    }
}

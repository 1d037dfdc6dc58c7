using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// OCPP 2.1 NotifyEVChargingNeeds comes from ISO 15118 (the EV tells its needs over high-level communication): an AC
/// session without it sends none, and a CSMS that does not support the message (NotSupported) does not break a DC BPT
/// session, which then charges only.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ChargingNeedsIso15118Tests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [TestCase("compact-ac")]
    [TestCase("phev-ac")]
    public async Task An_AC_session_without_ISO_15118_sends_no_charging_needs(string ev)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, $"NEEDS-AC-{ev}", "EVSE-AC-22kW-1port", new SessionPlan { Sessions = 1, EvPreset = ev });
        rig.ReleaseTime();

        await rig.Runner.SessionsCompleted.WaitAsync(Wait);

        rig.TransactionEvents().Count(e => e.GetProperty("eventType").GetString() == "Ended").ShouldBe(1, rig.Describe());
        rig.Calls("NotifyEVChargingNeeds").ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task A_CSMS_answering_NotSupported_to_charging_needs_does_not_break_a_DC_BPT_session()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(
            OcppVersion.V21,
            "NEEDS-V2G-NOTSUPPORTED",
            answers: peer => peer.OnRaw("NotifyEVChargingNeeds", (_, _) => throw new OcppCallErrorException("NotSupported", "no V2G here")));
        rig.ReleaseTime();

        await rig.Runner.SessionsCompleted.WaitAsync(Wait);

        rig.Calls("NotifyEVChargingNeeds").Count.ShouldBe(1, rig.Describe());
        rig.TransactionEvents().Count(e => e.GetProperty("eventType").GetString() == "Ended").ShouldBe(1, rig.Describe());
        rig.Log.ShouldContain(l => l.Contains("the EV charges only", StringComparison.Ordinal), rig.Describe());
    }
}

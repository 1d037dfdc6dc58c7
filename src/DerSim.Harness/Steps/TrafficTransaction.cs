using DerSim.Harness.Traffic;

namespace DerSim.Harness.Steps;

/// <summary>One transaction in the recorded traffic: its id, EVSE and the station's CALLs about it in wire order.</summary>
/// <param name="Id">The transaction id (1.6: the CSMS's number as text).</param>
/// <param name="EvseId">The EVSE it ran on (0 when the traffic does not say).</param>
internal sealed record TrafficTransaction(string Id, int EvseId)
{
    /// <summary>The station's CALLs about it, in wire order.</summary>
    public List<RecordedFrame> Frames { get; } = [];
}

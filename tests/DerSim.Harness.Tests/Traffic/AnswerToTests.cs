using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Tests.Traffic;

/// <summary>Finding the answer to a CALL among recorded frames.</summary>
public sealed class AnswerToTests
{
    [Test]
    public void The_answer_is_the_peers_result_or_error_with_the_calls_id_to_the_same_station()
    {
        var call = Frame(1, "CS-1", FrameDirection.Outbound, OcppMessageType.Call, "m1");
        var otherStation = Frame(2, "CS-2", FrameDirection.Inbound, OcppMessageType.CallResult, "m1");
        var csmsCallSameId = Frame(3, "CS-1", FrameDirection.Inbound, OcppMessageType.Call, "m1");
        var error = Frame(4, "CS-1", FrameDirection.Inbound, OcppMessageType.CallError, "m1");
        var query = new TrafficQuery([call, otherStation, csmsCallSameId, error]);

        query.AnswerTo(call).ShouldBe(error);
        new TrafficQuery([call, otherStation, csmsCallSameId]).AnswerTo(call).ShouldBeNull("a CALL of the CSMS that reuses the id, or another station's answer, answers nothing");
    }

    private static RecordedFrame Frame(long sequence, string station, FrameDirection direction, OcppMessageType type, string id) =>
        new(sequence, station, direction, type, id, "Authorize", null, "[]", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, [], null);
}

using DerSim.Sim.Ocpp;
using DerSim.Sim.Ocpp.Rpc;

namespace DerSim.Sim.Tests.Ocpp.Rpc;

public class InboundFrameTests
{
    [TestCase("not json", "NotRpc")]
    [TestCase("{\"a\":1}", "NotRpc")]
    [TestCase("[]", "NotRpc")]
    [TestCase("[\"2\",\"1\",\"Heartbeat\",{}]", "NotRpc")]
    [TestCase("[2,1,\"Heartbeat\",{}]", "NotRpc")]
    [TestCase("[2,\"1\",\"Heartbeat\",{}]", "None")]
    [TestCase("[2,\"1\",\"Heartbeat\"]", "BadStructure")]
    [TestCase("[2,\"1\",7,{}]", "BadStructure")]
    [TestCase("[2,\"1\",\"Heartbeat\",[]]", "PayloadNotObject")]
    [TestCase("[3,\"1\",{}]", "None")]
    [TestCase("[3,\"1\",{},{}]", "BadStructure")]
    [TestCase("[4,\"1\",\"GenericError\",\"x\",{}]", "None")]
    [TestCase("[4,\"1\",\"GenericError\"]", "BadStructure")]
    [TestCase("[9,\"1\",{}]", "UnknownType")]
    [TestCase("[6,\"1\",\"Heartbeat\",{}]", "UnknownType")]
    [TestCase("[2,\"0123456789012345678901234567890123456\",\"Heartbeat\",{}]", "BadStructure")]
    public void Classifies_frames_for_201(string text, string expected)
    {
        using var frame = InboundFrame.Parse(text, OcppVersion.V201);
        frame.Problem.ToString().ShouldBe(expected, frame.ProblemText);
    }

    [Test]
    public void Types_5_and_6_exist_only_in_21()
    {
        using var send = InboundFrame.Parse("[6,\"1\",\"NotifyPeriodicEventStream\",{}]", OcppVersion.V21);
        send.Problem.ShouldBe(FrameProblem.None);
        send.Type.ShouldBe(OcppMessageType.Send);
        using var resultError = InboundFrame.Parse("[5,\"1\",\"FormatViolation\",\"bad\",{}]", OcppVersion.V21);
        resultError.Problem.ShouldBe(FrameProblem.None);
        resultError.ErrorCode.ShouldBe("FormatViolation");
    }

    [Test]
    public void A_36_character_id_is_accepted()
    {
        using var frame = InboundFrame.Parse($"[2,\"{Guid.NewGuid()}\",\"Heartbeat\",{{}}]", OcppVersion.V16);
        frame.Problem.ShouldBe(FrameProblem.None);
        frame.MessageId!.Length.ShouldBe(36);
    }
}

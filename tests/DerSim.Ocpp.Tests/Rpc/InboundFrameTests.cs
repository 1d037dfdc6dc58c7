using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Tests.Rpc;

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
    [TestCase("", "NotRpc")]
    [TestCase("  ", "NotRpc")]
    [TestCase("[2,\"1\",7,{}", "NotRpc")]
    [TestCase("[2,\"1\",\"Heartbeat\",{}] x", "NotRpc")]
    [TestCase("[2,\"1\",\"Heartbeat\",{}][]", "NotRpc")]
    [TestCase("{\"a\":1", "NotRpc")]
    [TestCase("[9,\"1\",{\"a\":}]", "NotRpc")]
    [TestCase("[2.5,\"1\",\"Heartbeat\",{}]", "NotRpc")]
    [TestCase("[2,\"1\",\"Heartbeat\",{},1,2,3,4]", "BadStructure")]
    [TestCase(" [3 , \"1\" , { } ] ", "None")]
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

    [Test]
    public void The_payload_is_the_exact_slice_of_the_frame()
    {
        using var frame = InboundFrame.Parse("[2, \"1\", \"Authorize\", {\"idToken\": {\"idToken\": \"é\\u00e9\", \"type\": \"ISO14443\"}} ]", OcppVersion.V201);
        frame.Problem.ShouldBe(FrameProblem.None, frame.ProblemText);
        frame.Action.ShouldBe("Authorize");
        frame.PayloadKind.ShouldBe(System.Text.Json.JsonValueKind.Object);
        frame.PayloadText().ShouldBe("{\"idToken\": {\"idToken\": \"é\\u00e9\", \"type\": \"ISO14443\"}}");
        frame.ParsePayload().GetProperty("idToken").GetProperty("idToken").GetString().ShouldBe("éé");
    }

    [Test]
    public void Error_fields_and_details_are_read()
    {
        using var frame = InboundFrame.Parse("[4,\"7\",\"NotSupported\",\"no \\\"such\\\" action\",{\"hint\":[1,2]}]", OcppVersion.V201);
        frame.Problem.ShouldBe(FrameProblem.None, frame.ProblemText);
        frame.MessageId.ShouldBe("7");
        frame.ErrorCode.ShouldBe("NotSupported");
        frame.ErrorDescription.ShouldBe("no \"such\" action");
        frame.ParseErrorDetails()!.Value.GetProperty("hint").GetArrayLength().ShouldBe(2);
        using var without = InboundFrame.Parse("[4,\"7\",\"NotSupported\",\"x\"]", OcppVersion.V201);
        without.Problem.ShouldBe(FrameProblem.BadStructure);
        without.ParseErrorDetails().ShouldBeNull();
    }

    [Test]
    public void An_unparseable_frame_keeps_no_fields()
    {
        using var frame = InboundFrame.Parse("[2,\"1\",\"Heartbeat\",{}", OcppVersion.V201);
        frame.Problem.ShouldBe(FrameProblem.NotRpc);
        frame.MessageId.ShouldBeNull();
        frame.TypeNumber.ShouldBeNull();
        frame.ProblemText!.ShouldStartWith("frame is not valid JSON");
    }

    private static readonly PayloadType BootRequest = PayloadType.Create<DerSim.Ocpp.V21.BootNotificationRequest>(
        ((System.Text.Json.Serialization.JsonSerializerContext)DerSim.Ocpp.V201.V201ActionTable.Instance.TypeInfoResolver).Options.GetTypeInfo(typeof(DerSim.Ocpp.V21.BootNotificationRequest)));

    private const string Boot = "{\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"},\"reason\":\"PowerUp\"}";

    [Test]
    public void A_bound_payload_is_read_in_the_frame_pass_and_handed_out_once_read()
    {
        var asked = new List<(OcppMessageType, string)>();
        using var frame = InboundFrame.Parse($"[2,\"9\",\"BootNotification\",{Boot}]", OcppVersion.V201, (type, key) =>
        {
            asked.Add((type, key));
            return BootRequest;
        });
        frame.Problem.ShouldBe(FrameProblem.None, frame.ProblemText);
        asked.ShouldBe([(OcppMessageType.Call, "BootNotification")]);
        var first = frame.ReadPayload(BootRequest);
        frame.ReadPayload(BootRequest).ShouldBeSameAs(first, "the value read during Parse is handed out, not read again");
        ((DerSim.Ocpp.V21.BootNotificationRequest)first!).ChargingStation.VendorName.ShouldBe("V");
        frame.PayloadText().ShouldBe(Boot);
    }

    [Test]
    public void A_call_result_is_bound_by_its_message_id()
    {
        var asked = new List<(OcppMessageType, string)>();
        using var frame = InboundFrame.Parse("[3,\"abc-1\",{}]", OcppVersion.V201, (type, key) =>
        {
            asked.Add((type, key));
            return null;
        });
        frame.Problem.ShouldBe(FrameProblem.None, frame.ProblemText);
        asked.ShouldBe([(OcppMessageType.CallResult, "abc-1")]);
    }

    [Test]
    public void A_payload_the_type_cannot_take_fails_later_with_the_serializers_error()
    {
        // "reason" is not a BootReasonEnumType value: well-formed JSON, so the frame is fine; reading it typed fails.
        const string bad = "{\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"},\"reason\":\"Sunrise\"}";
        using var frame = InboundFrame.Parse($"[2,\"9\",\"BootNotification\",{bad},]", OcppVersion.V201, (_, _) => BootRequest);
        frame.Problem.ShouldBe(FrameProblem.NotRpc, "a trailing comma is still a syntax error after the typed read gave up");

        using var wellFormed = InboundFrame.Parse($"[2,\"9\",\"BootNotification\",{bad}]", OcppVersion.V201, (_, _) => BootRequest);
        wellFormed.Problem.ShouldBe(FrameProblem.None, wellFormed.ProblemText);
        wellFormed.PayloadText().ShouldBe(bad);
        Should.Throw<System.Text.Json.JsonException>(() => wellFormed.ReadPayload(BootRequest)).Message.ShouldContain("Sunrise");
    }

    [Test]
    public void A_syntax_error_inside_a_bound_payload_is_still_an_unreadable_frame()
    {
        using var frame = InboundFrame.Parse("[2,\"9\",\"BootNotification\",{\"reason\":PowerUp}]", OcppVersion.V201, (_, _) => BootRequest);
        frame.Problem.ShouldBe(FrameProblem.NotRpc);
        frame.MessageId.ShouldBeNull();
    }

    [Test]
    public void Message_ids_are_short_and_unique_within_and_across_sources()
    {
        var first = new MessageIdSource();
        var second = new MessageIdSource();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10_000; i++)
        {
            ids.Add(first.Next()).ShouldBeTrue();
            ids.Add(second.Next()).ShouldBeTrue();
        }

        ids.Max(id => id.Length).ShouldBeLessThanOrEqualTo(InboundFrame.MaxMessageIdLength);
    }
}

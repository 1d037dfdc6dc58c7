using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Tests.Rpc;

/// <summary>Literal frames from a bare WebSocket into the CSMS peer: what the typed API never sends.</summary>
public class OcppRpcPeerInboundTests
{
    private static void Heartbeat(OcppRpcPeer csms) =>
        csms.On<HeartbeatRequest, HeartbeatResponse>((_, _) => ValueTask.FromResult(new HeartbeatResponse("2026-01-01T00:00:00Z")));

    [TestCase(OcppVersion.V201, "this is not json", "RpcFrameworkError")]
    [TestCase(OcppVersion.V201, "{\"messageTypeId\":2}", "RpcFrameworkError")]
    [TestCase(OcppVersion.V201, "[2,17,\"Heartbeat\",{}]", "RpcFrameworkError")]
    [TestCase(OcppVersion.V201, "[2,\"0123456789012345678901234567890123456\",\"Heartbeat\",{}]", "RpcFrameworkError")]
    [TestCase(OcppVersion.V16, "this is not json", "FormationViolation")]
    [TestCase(OcppVersion.V16, "[]", "FormationViolation")]
    public async Task Unreadable_frame_is_answered_with_message_id_minus_one(OcppVersion version, string frame, string code)
    {
        await using var raw = await RawStation.StartAsync(version, Heartbeat);

        await raw.SendAsync(frame);
        var answer = await raw.ReceiveFrameAsync();

        answer[0].GetInt32().ShouldBe(4);
        answer[1].GetString().ShouldBe("-1");
        answer[2].GetString().ShouldBe(code);
        answer.GetArrayLength().ShouldBe(5);
        raw.Frames().First().Note.ShouldNotBeNull();

        // The connection survives and keeps working.
        await raw.SendAsync("[2,\"ok\",\"Heartbeat\",{}]");
        (await raw.ReceiveFrameAsync())[0].GetInt32().ShouldBe(3);
    }

    [TestCase(OcppVersion.V201, "FormatViolation")]
    [TestCase(OcppVersion.V16, "FormationViolation")]
    public async Task Payload_that_is_not_an_object_is_a_format_violation(OcppVersion version, string code)
    {
        await using var raw = await RawStation.StartAsync(version, Heartbeat);

        await raw.SendAsync("[2,\"p1\",\"Heartbeat\",[1,2]]");
        var answer = await raw.ReceiveFrameAsync();

        answer[1].GetString().ShouldBe("p1");
        answer[2].GetString().ShouldBe(code);
    }

    [Test]
    public async Task Call_with_missing_elements_keeps_its_id()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V21, Heartbeat);

        await raw.SendAsync("[2,\"short\",\"Heartbeat\"]");
        var answer = await raw.ReceiveFrameAsync();

        answer[1].GetString().ShouldBe("short");
        answer[2].GetString().ShouldBe("RpcFrameworkError");
    }

    [TestCase("[7,\"abc\",\"Heartbeat\",{}]")]
    [TestCase("[6,\"abc\",\"Heartbeat\",{}]")]
    [TestCase("[5,\"abc\",\"FormatViolation\",\"x\",{}]")]
    public async Task Unknown_message_type_on_201_is_MessageTypeNotSupported(string frame)
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V201, Heartbeat);

        await raw.SendAsync(frame);
        var answer = await raw.ReceiveFrameAsync();

        answer[0].GetInt32().ShouldBe(4);
        answer[1].GetString().ShouldBe("abc");
        answer[2].GetString().ShouldBe("MessageTypeNotSupported");
    }

    [Test]
    public async Task Unknown_message_type_on_16_is_ignored()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V16, Heartbeat);

        await raw.SendAsync("[7,\"abc\",\"Heartbeat\",{}]");
        await raw.SendAsync("[2,\"next\",\"Heartbeat\",{}]");
        var answer = await raw.ReceiveFrameAsync();

        // The first thing back answers the second frame: the unknown type got no reply.
        answer[1].GetString().ShouldBe("next");
        raw.Frames().First().Note.ShouldNotBeNull().ShouldContain("ignored");
    }

    [TestCase(OcppVersion.V201, "RpcFrameworkError")]
    [TestCase(OcppVersion.V16, "GenericError")]
    public async Task Reused_message_id_is_rejected(OcppVersion version, string code)
    {
        await using var raw = await RawStation.StartAsync(version, Heartbeat);

        await raw.SendAsync("[2,\"dup\",\"Heartbeat\",{}]");
        (await raw.ReceiveFrameAsync())[0].GetInt32().ShouldBe(3);
        await raw.SendAsync("[2,\"dup\",\"Heartbeat\",{}]");
        var second = await raw.ReceiveFrameAsync();

        second[0].GetInt32().ShouldBe(4);
        second[1].GetString().ShouldBe("dup");
        second[2].GetString().ShouldBe(code);
    }

    [Test]
    public async Task Second_call_while_the_first_is_unanswered_is_rejected_and_the_first_still_answered()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var raw = await RawStation.StartAsync(OcppVersion.V201, csms =>
            csms.On<DataTransferRequest, DataTransferResponse>(async (_, _) =>
            {
                await release.Task;
                return new DataTransferResponse("Accepted");
            }));

        await raw.SendAsync("[2,\"first\",\"DataTransfer\",{\"vendorId\":\"a\"}]");
        await raw.SendAsync("[2,\"second\",\"DataTransfer\",{\"vendorId\":\"b\"}]");
        var rejection = await raw.ReceiveFrameAsync();
        release.SetResult();
        var result = await raw.ReceiveFrameAsync();

        rejection[1].GetString().ShouldBe("second");
        rejection[2].GetString().ShouldBe("RpcFrameworkError");
        result[0].GetInt32().ShouldBe(3);
        result[1].GetString().ShouldBe("first");
        result[2].GetProperty("status").GetString().ShouldBe("Accepted");
    }

    [Test]
    public async Task Answers_to_unknown_ids_are_reported_not_fatal()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V201, Heartbeat);

        await raw.SendAsync("[4,\"nobody\",\"GenericError\",\"stray\",{}]");
        await raw.SendAsync("[3,\"nobody-either\",{}]");
        await raw.SendAsync("[2,\"alive\",\"Heartbeat\",{}]");
        var answer = await raw.ReceiveFrameAsync();

        answer[1].GetString().ShouldBe("alive");
        var frames = raw.Frames();
        frames[0].MessageType.ShouldBe(OcppMessageType.CallError);
        frames[0].ErrorCode.ShouldBe("GenericError");
        frames[0].Note.ShouldNotBeNull().ShouldContain("unknown message id");
        frames[1].Note.ShouldNotBeNull().ShouldContain("unknown message id");
    }

    [TestCase("OccurrenceConstraintViolation")]
    [TestCase("OccurenceConstraintViolation")]
    public async Task Either_spelling_of_a_16_code_is_accepted(string wireCode)
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V16);

        var call = raw.Csms.CallAsync<ResetRequest, ResetResponse>(new("Hard"));
        var request = await raw.ReceiveFrameAsync();
        await raw.SendAsync($"[4,\"{request[1].GetString()}\",\"{wireCode}\",\"type missing\",{{}}]");

        var error = await Should.ThrowAsync<OcppCallErrorException>(() => call);
        error.ErrorCode.ShouldBe("OccurenceConstraintViolation");
        error.WireErrorCode.ShouldBe(wireCode);
        var received = raw.Frames().Single(f => f.MessageType == OcppMessageType.CallError);
        (received.Note is not null).ShouldBe(wireCode != "OccurenceConstraintViolation");
        error.Action.ShouldBe("Reset");
    }

    [Test]
    public async Task Handler_error_in_2x_spelling_goes_out_in_16_spelling()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V16, csms =>
            csms.On<HeartbeatRequest, HeartbeatResponse>((_, _) => throw new OcppCallErrorException(RpcErrorCodes.FormatViolation, "bad")));

        await raw.SendAsync("[2,\"h\",\"Heartbeat\",{}]");
        var answer = await raw.ReceiveFrameAsync();

        answer[2].GetString().ShouldBe("FormationViolation");
    }

    [Test]
    public async Task Fragmented_message_is_reassembled()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V201, csms =>
            csms.On<DataTransferRequest, DataTransferResponse>((r, _) => ValueTask.FromResult(new DataTransferResponse(r.Data!.Length == 3000 ? "Accepted" : "Rejected"))));

        await raw.SendFragmentedAsync($"[2,\"frag\",\"DataTransfer\",{{\"vendorId\":\"v\",\"data\":\"{new string('x', 3000)}\"}}]", 512);
        var answer = await raw.ReceiveFrameAsync();

        answer[1].GetString().ShouldBe("frag");
        answer[2].GetProperty("status").GetString().ShouldBe("Accepted");
    }

    [Test]
    public async Task Peer_closing_ends_the_loop_and_fails_the_pending_call()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V201);
        var call = raw.Csms.CallAsync<ResetRequest, ResetResponse>(new("Hard"));
        await raw.ReceiveFrameAsync();

        await raw.CloseAsync();

        var error = await Should.ThrowAsync<OcppConnectionClosedException>(() => call);
        error.Message.ShouldContain("closed by the peer");
    }

    [Test]
    public async Task Binary_frame_closes_the_connection_with_1003()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V201, Heartbeat);

        await raw.SendBinaryAsync([0x5b, 0x5d]);

        (await raw.ReceiveAsync()).ShouldBeNull();
        raw.CloseStatus.ShouldBe(System.Net.WebSockets.WebSocketCloseStatus.InvalidMessageType);
    }
}

using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Tests.Rpc;

public class OcppRpcPeerV21Tests
{
    [Test]
    public async Task Send_is_delivered_and_never_answered()
    {
        var delivered = new TaskCompletionSource<NotifyPeriodicEventStreamRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var loop = await Loopback.StartAsync(OcppVersion.V21, csms =>
            csms.OnSend<NotifyPeriodicEventStreamRequest>((request, _) =>
            {
                delivered.TrySetResult(request);
                return ValueTask.CompletedTask;
            }));

        await loop.Station.SendAsync(new NotifyPeriodicEventStreamRequest(7, 0), loop.Token);

        (await delivered.Task.WaitAsync(loop.Token)).Id.ShouldBe(7);
        var sent = loop.StationFrames.ShouldHaveSingleItem();
        sent.MessageType.ShouldBe(OcppMessageType.Send);
        sent.Raw.ShouldStartWith("[6,");
        loop.CsmsFrames.ShouldNotContain(f => f.Direction == FrameDirection.Outbound);
    }

    [Test]
    public async Task Invalid_send_is_reported_but_not_answered()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V21, csms =>
        {
            csms.OnSend<NotifyPeriodicEventStreamRequest>((_, _) => ValueTask.CompletedTask);
            csms.On<HeartbeatRequest, HeartbeatResponse>((_, _) => ValueTask.FromResult(new HeartbeatResponse("t")));
        });

        await raw.SendAsync("[6,\"s1\",\"NotifyPeriodicEventStream\",{\"id\":1}]");
        await raw.SendAsync("[2,\"h1\",\"Heartbeat\",{}]");
        var answer = await raw.ReceiveFrameAsync();

        answer[1].GetString().ShouldBe("h1");
        var send = raw.Frames().First();
        send.MessageType.ShouldBe(OcppMessageType.Send);
        send.Violations.ShouldHaveSingleItem().Path.ShouldBe("$.pending");
        send.ErrorCode.ShouldBe("OccurrenceConstraintViolation");
    }

    [Test]
    public async Task A_send_nobody_handles_is_reported_as_not_supported_and_not_answered()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V21, csms =>
            csms.On<HeartbeatRequest, HeartbeatResponse>((_, _) => ValueTask.FromResult(new HeartbeatResponse("t"))));

        await raw.SendAsync("[6,\"s1\",\"NotifyPeriodicEventStream\",{\"id\":1,\"pending\":0,\"basetime\":\"2026-01-01T00:00:00Z\",\"data\":[]}]");
        await raw.SendAsync("[2,\"h1\",\"Heartbeat\",{}]");
        var answer = await raw.ReceiveFrameAsync();

        answer[1].GetString().ShouldBe("h1");
        var send = raw.Frames().First();
        send.MessageType.ShouldBe(OcppMessageType.Send);
        send.ErrorCode.ShouldBe(RpcErrorCodes.NotSupported);
        send.Note.ShouldBe("not handled (SEND is never answered): no SEND handler for NotifyPeriodicEventStream");
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    public async Task Send_does_not_exist_before_21(OcppVersion version)
    {
        await using var loop = await Loopback.StartAsync(version);

        await Should.ThrowAsync<InvalidOperationException>(() => loop.Station.SendAsync(new NotifyPeriodicEventStreamRequest(1, 0), loop.Token));
    }

    [Test]
    public async Task Invalid_callresult_is_answered_with_callresulterror_and_fails_the_call()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V21);

        var call = raw.Csms.CallAsync<ResetRequest, ResetResponse>(new("Hard"));
        var request = await raw.ReceiveFrameAsync();
        var id = request[1].GetString();
        await raw.SendAsync($"[3,\"{id}\",{{\"status\":\"Maybe\"}}]");

        var error = await Should.ThrowAsync<OcppCallErrorException>(() => call);
        error.ErrorCode.ShouldBe("PropertyConstraintViolation");
        var report = await raw.ReceiveFrameAsync();
        report[0].GetInt32().ShouldBe(5);
        report[1].GetString().ShouldBe(id);
        report[2].GetString().ShouldBe("PropertyConstraintViolation");
        report[3].GetString()!.ShouldContain("$.status");
    }

    [Test]
    public async Task Malformed_callresult_is_answered_with_callresulterror()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V21);

        var call = raw.Csms.CallAsync<ResetRequest, ResetResponse>(new("Hard"));
        var id = (await raw.ReceiveFrameAsync())[1].GetString();
        await raw.SendAsync($"[3,\"{id}\",\"Accepted\"]");

        (await Should.ThrowAsync<OcppCallErrorException>(() => call)).ErrorCode.ShouldBe("FormatViolation");
        var report = await raw.ReceiveFrameAsync();
        report[0].GetInt32().ShouldBe(5);
        report[2].GetString().ShouldBe("FormatViolation");
    }

    [Test]
    public async Task Invalid_callresult_on_201_gets_no_wire_answer()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V201);

        var call = raw.Csms.CallAsync<ResetRequest, ResetResponse>(new("Hard"));
        var id = (await raw.ReceiveFrameAsync())[1].GetString();
        await raw.SendAsync($"[3,\"{id}\",{{\"status\":\"Maybe\"}}]");

        (await Should.ThrowAsync<OcppCallErrorException>(() => call)).ErrorCode.ShouldBe("PropertyConstraintViolation");
        // 1.6 and 2.0.1 cannot answer a response: the next frame on the wire is the next CALL, not a [5,...].
        _ = raw.Csms.CallAsync<ResetRequest, ResetResponse>(new("Soft"));
        var next = await raw.ReceiveFrameAsync();
        next[0].GetInt32().ShouldBe(2);
        raw.Frames().ShouldNotContain(f => f.MessageType == OcppMessageType.CallResultError);
    }

    [Test]
    public async Task Received_callresulterror_is_reported()
    {
        await using var raw = await RawStation.StartAsync(OcppVersion.V21, csms =>
            csms.On<HeartbeatRequest, HeartbeatResponse>((_, _) => ValueTask.FromResult(new HeartbeatResponse("t"))));

        await raw.SendAsync("[2,\"h1\",\"Heartbeat\",{}]");
        await raw.ReceiveFrameAsync();
        await raw.SendAsync("[5,\"h1\",\"FormatViolation\",\"currentTime is not a date\",{}]");
        await raw.SendAsync("[2,\"h2\",\"Heartbeat\",{}]");
        (await raw.ReceiveFrameAsync())[1].GetString().ShouldBe("h2");

        var report = raw.Frames().Single(f => f.MessageType == OcppMessageType.CallResultError);
        report.ErrorCode.ShouldBe("FormatViolation");
        report.Note.ShouldNotBeNull().ShouldContain("rejected our CALLRESULT");
    }
}

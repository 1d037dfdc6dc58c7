using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Ocpp.Tests.Rpc;

public class OcppRpcPeerCallTests
{
    [Test]
    public async Task Typed_call_round_trips_and_is_reported_both_ways()
    {
        await using var loop = await Loopback.StartAsync(OcppVersion.V201, csms =>
            csms.On<BootNotificationRequest, BootNotificationResponse>((request, _) =>
                ValueTask.FromResult(new BootNotificationResponse(request.VendorName == "Acme" ? "Accepted" : "Rejected", 300))));

        var response = await loop.Station.CallAsync<BootNotificationRequest, BootNotificationResponse>(new("M1", "Acme"), loop.Token);

        response.ShouldBe(new BootNotificationResponse("Accepted", 300));
        var sent = loop.StationFrames.First(f => f.Direction == FrameDirection.Outbound);
        sent.MessageType.ShouldBe(OcppMessageType.Call);
        sent.Raw.ShouldBe($"[2,\"{sent.MessageId}\",\"BootNotification\",{{\"model\":\"M1\",\"vendorName\":\"Acme\"}}]");
        sent.MessageId!.Length.ShouldBeInRange(1, InboundFrame.MaxMessageIdLength);
        var answer = loop.StationFrames.First(f => f.Direction == FrameDirection.Inbound);
        answer.MessageType.ShouldBe(OcppMessageType.CallResult);
        answer.Action.ShouldBe("BootNotification");
        answer.MessageId.ShouldBe(sent.MessageId);
        answer.Latency.ShouldNotBeNull();
        var received = await loop.WaitForAsync(loop.CsmsFrames, f => f.Direction == FrameDirection.Inbound);
        received.Raw.ShouldBe(sent.Raw);
        loop.Csms.StationId.ShouldBe("CS1");
        loop.Csms.Role.ShouldBe(OcppRole.Csms);
        loop.Station.Version.ShouldBe(OcppVersion.V201);
    }

    [Test]
    public async Task Handler_call_error_reaches_the_caller_with_code_and_details()
    {
        await using var loop = await Loopback.StartAsync(OcppVersion.V201, csms =>
            csms.On<DataTransferRequest, DataTransferResponse>((_, _) =>
                throw new OcppCallErrorException(RpcErrorCodes.SecurityError, "vendor unknown", JsonDocument.Parse("{\"hint\":\"x\"}").RootElement)));

        var error = await Should.ThrowAsync<OcppCallErrorException>(() =>
            loop.Station.CallAsync<DataTransferRequest, DataTransferResponse>(new("acme"), loop.Token));

        error.ErrorCode.ShouldBe("SecurityError");
        error.ErrorDescription.ShouldBe("vendor unknown");
        error.ErrorDetails!.Value.GetProperty("hint").GetString().ShouldBe("x");
        error.Action.ShouldBe("DataTransfer");
        loop.StationFrames.Last().ErrorCode.ShouldBe("SecurityError");
    }

    [Test]
    public async Task Handler_exception_becomes_InternalError()
    {
        await using var loop = await Loopback.StartAsync(OcppVersion.V16, csms =>
            csms.On<HeartbeatRequest, HeartbeatResponse>((_, _) => throw new InvalidOperationException("database down")));

        var error = await Should.ThrowAsync<OcppCallErrorException>(() =>
            loop.Station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new(), loop.Token));

        error.ErrorCode.ShouldBe("InternalError");
        error.ErrorDescription.ShouldContain("database down");
    }

    [Test]
    public async Task Defined_action_without_handler_is_NotSupported()
    {
        await using var loop = await Loopback.StartAsync(OcppVersion.V201);

        var error = await Should.ThrowAsync<OcppCallErrorException>(() =>
            loop.Station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new(), loop.Token));

        // OCPP-J 2.0.1 §4.3: NotSupported = "Requested Action is recognized but not supported by the receiver".
        error.ErrorCode.ShouldBe("NotSupported");
    }

    [Test]
    public async Task Undefined_action_is_NotImplemented_and_wrong_direction_NotSupported()
    {
        var loose = Loopback.Strict with { ValidateOutbound = false };
        await using var loop = await Loopback.StartAsync(
            OcppVersion.V201,
            csms => csms.On<DataTransferRequest, DataTransferResponse>((_, _) => ValueTask.FromResult(new DataTransferResponse("Accepted"))),
            stationOptions: loose);
        using var empty = JsonDocument.Parse("{\"type\":\"Hard\"}");

        var unknown = await Should.ThrowAsync<OcppCallErrorException>(() => loop.Station.CallRawAsync("FlyToTheMoon", empty.RootElement, loop.Token));
        var wrongWay = await Should.ThrowAsync<OcppCallErrorException>(() => loop.Station.CallRawAsync("Reset", empty.RootElement, loop.Token));

        // OCPP-J 2.0.1 §4.3: NotImplemented = "Requested Action is not known by receiver".
        unknown.ErrorCode.ShouldBe("NotImplemented");
        wrongWay.ErrorCode.ShouldBe("NotSupported");
        wrongWay.ErrorDescription.ShouldContain("charging station");
    }

    [Test]
    public async Task Invalid_outbound_request_throws_before_sending()
    {
        await using var loop = await Loopback.StartAsync(OcppVersion.V201);
        using var payload = JsonDocument.Parse("{\"model\":\"M1\"}");

        var error = await Should.ThrowAsync<OcppSchemaViolationException>(() => loop.Station.CallRawAsync("BootNotification", payload.RootElement, loop.Token));
        var wrongWay = await Should.ThrowAsync<OcppSchemaViolationException>(() =>
            loop.Station.CallAsync<ResetRequest, ResetResponse>(new("Hard"), loop.Token));

        error.Violations.ShouldHaveSingleItem().Path.ShouldBe("$.vendorName");
        wrongWay.Message.ShouldContain("never sent by the charging station");
        loop.StationFrames.ShouldBeEmpty();
    }

    [Test]
    public async Task Invalid_inbound_request_is_answered_with_the_first_violations_code_and_path()
    {
        var loose = Loopback.Strict with { ValidateOutbound = false };
        var handled = 0;
        await using var loop = await Loopback.StartAsync(
            OcppVersion.V16,
            csms => csms.On<BootNotificationRequest, BootNotificationResponse>((_, _) =>
            {
                handled++;
                return ValueTask.FromResult(new BootNotificationResponse("Accepted", 1));
            }),
            stationOptions: loose);
        using var payload = JsonDocument.Parse("{\"model\":\"M1\"}");

        var error = await Should.ThrowAsync<OcppCallErrorException>(() => loop.Station.CallRawAsync("BootNotification", payload.RootElement, loop.Token));

        error.ErrorCode.ShouldBe("OccurenceConstraintViolation");
        error.ErrorDescription.ShouldContain("$.vendorName");
        handled.ShouldBe(0);
        var inbound = await loop.WaitForAsync(loop.CsmsFrames, f => f.Direction == FrameDirection.Inbound);
        inbound.Violations.ShouldHaveSingleItem().Path.ShouldBe("$.vendorName");
    }

    [Test]
    public async Task Invalid_response_fails_the_call_on_201_without_answering_the_response()
    {
        var loose = Loopback.Strict with { ValidateOutbound = false };
        await using var loop = await Loopback.StartAsync(
            OcppVersion.V201,
            csms => csms.On<HeartbeatRequest, HeartbeatResponse>((_, _) => ValueTask.FromResult(new HeartbeatResponse(null!))),
            csmsOptions: loose);

        var error = await Should.ThrowAsync<OcppCallErrorException>(() =>
            loop.Station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new(), loop.Token));

        error.ErrorCode.ShouldBe("OccurrenceConstraintViolation");
        error.ErrorDescription.ShouldContain("$.currentTime");
        loop.StationFrames.ShouldNotContain(f => f.MessageType == OcppMessageType.CallResultError);
    }

    [Test]
    public async Task Queued_calls_go_out_one_at_a_time_in_call_order()
    {
        var order = new List<string>();
        var inFlight = 0;
        var overlapped = false;
        await using var loop = await Loopback.StartAsync(OcppVersion.V201, csms =>
            csms.On<DataTransferRequest, DataTransferResponse>(async (request, ct) =>
            {
                overlapped |= Interlocked.Increment(ref inFlight) > 1;
                lock (order)
                {
                    order.Add(request.VendorId);
                }

                await Task.Delay(20, ct);
                Interlocked.Decrement(ref inFlight);
                return new DataTransferResponse("Accepted");
            }));

        var calls = Enumerable.Range(0, 5)
            .Select(i => loop.Station.CallAsync<DataTransferRequest, DataTransferResponse>(new($"v{i}"), loop.Token))
            .ToArray();
        await Task.WhenAll(calls);

        order.ShouldBe(["v0", "v1", "v2", "v3", "v4"]);
        overlapped.ShouldBeFalse();
        loop.CsmsFrames.ShouldNotContain(f => f.ErrorCode != null);
    }

    [Test]
    public async Task Timeout_frees_the_slot_and_the_late_answer_is_only_reported()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var loop = await Loopback.StartAsync(
            OcppVersion.V201,
            csms =>
            {
                csms.On<DataTransferRequest, DataTransferResponse>(async (_, _) =>
                {
                    received.TrySetResult();
                    await release.Task;
                    return new DataTransferResponse("Accepted");
                });
                csms.On<HeartbeatRequest, HeartbeatResponse>((_, _) => ValueTask.FromResult(new HeartbeatResponse("now")));
            },
            stationOptions: Loopback.Strict with { CallTimeout = TimeSpan.FromSeconds(30) },
            stationTime: time);

        var slow = loop.Station.CallAsync<DataTransferRequest, DataTransferResponse>(new("slow"), loop.Token);
        var queued = loop.Station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new(), loop.Token);
        await received.Task.WaitAsync(loop.Token);
        time.Advance(TimeSpan.FromSeconds(29));
        slow.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));

        var timeout = await Should.ThrowAsync<OcppCallTimeoutException>(() => slow);
        timeout.Action.ShouldBe("DataTransfer");
        timeout.Timeout.ShouldBe(TimeSpan.FromSeconds(30));

        // The heartbeat was queued behind the slow call; the server still handles the DataTransfer, so with
        // RejectConcurrentInboundCalls it answers RpcFrameworkError, proving the CALL went out after the timeout.
        var rejected = await Should.ThrowAsync<OcppCallErrorException>(() => queued);
        rejected.ErrorCode.ShouldBe("RpcFrameworkError");

        release.SetResult();
        var late = await loop.WaitForAsync(loop.StationFrames, f => f.MessageType == OcppMessageType.CallResult);
        late.MessageId.ShouldBe(timeout.MessageId);
        late.Note.ShouldNotBeNull().ShouldContain("late answer");

        var after = await loop.Station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new(), loop.Token);
        after.CurrentTime.ShouldBe("now");
    }

    [Test]
    public async Task Cancelled_call_frees_the_slot()
    {
        var never = new TaskCompletionSource<DataTransferResponse>();
        await using var loop = await Loopback.StartAsync(
            OcppVersion.V201,
            csms => csms.On<DataTransferRequest, DataTransferResponse>((_, ct) => new ValueTask<DataTransferResponse>(never.Task.WaitAsync(ct))),
            stationOptions: Loopback.Strict with { RejectConcurrentInboundCalls = false },
            csmsOptions: Loopback.Strict with { RejectConcurrentInboundCalls = false });
        using var cts = new CancellationTokenSource();

        var call = loop.Station.CallAsync<DataTransferRequest, DataTransferResponse>(new("x"), cts.Token);
        await loop.WaitForAsync(loop.CsmsFrames, f => f.MessageType == OcppMessageType.Call);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => call);
        var second = loop.Station.CallAsync<DataTransferRequest, DataTransferResponse>(new("y"), loop.Token);
        await loop.WaitForAsync(loop.CsmsFrames, f => f.Raw.Contains("\"y\"", StringComparison.Ordinal));
        never.SetResult(new DataTransferResponse("Accepted"));
        (await second).Status.ShouldBe("Accepted");
    }

    [Test]
    public async Task Handler_may_call_the_peer_back_while_handling()
    {
        await using var loop = await Loopback.StartAsync(
            OcppVersion.V201,
            csms => csms.On<BootNotificationRequest, BootNotificationResponse>(async (_, ct) =>
            {
                var reset = await csms.CallAsync<ResetRequest, ResetResponse>(new("Immediate"), ct);
                return new BootNotificationResponse(reset.Status, 10);
            }),
            station => station.On<ResetRequest, ResetResponse>((_, _) => ValueTask.FromResult(new ResetResponse("Accepted"))));

        var response = await loop.Station.CallAsync<BootNotificationRequest, BootNotificationResponse>(new("M", "V"), loop.Token);

        response.Status.ShouldBe("Accepted");
    }

    [Test]
    public async Task Closing_the_connection_fails_pending_and_queued_calls()
    {
        await using var loop = await Loopback.StartAsync(OcppVersion.V201, csms =>
            csms.On<DataTransferRequest, DataTransferResponse>(async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return new DataTransferResponse("Accepted");
            }));

        var pending = loop.Station.CallAsync<DataTransferRequest, DataTransferResponse>(new("a"), loop.Token);
        var queued = loop.Station.CallAsync<DataTransferRequest, DataTransferResponse>(new("b"), loop.Token);
        await loop.WaitForAsync(loop.CsmsFrames, f => f.MessageType == OcppMessageType.Call);
        await loop.Csms.DisposeAsync();

        (await Should.ThrowAsync<OcppConnectionClosedException>(() => pending)).Message.ShouldContain("CS1");
        await Should.ThrowAsync<OcppConnectionClosedException>(() => queued);
        await Should.ThrowAsync<OcppConnectionClosedException>(() => loop.Station.CallAsync<DataTransferRequest, DataTransferResponse>(new("c"), loop.Token));
        loop.Station.IsClosed.ShouldBeTrue();
    }

    [Test]
    public async Task Raw_frame_goes_out_verbatim_and_its_answer_can_be_awaited()
    {
        await using var loop = await Loopback.StartAsync(OcppVersion.V201, csms =>
            csms.On<HeartbeatRequest, HeartbeatResponse>((_, _) => ValueTask.FromResult(new HeartbeatResponse("t"))));
        const string Frame = "[2, \"raw-1\", \"Heartbeat\", {\"extra\": true}]";

        var answer = loop.Station.WaitForFrameAsync(f => f.Direction == FrameDirection.Inbound && f.MessageId == "raw-1", loop.Token);
        await loop.Station.SendRawTextAsync(Frame, loop.Token);

        (await answer).MessageType.ShouldBe(OcppMessageType.CallResult);
        (await answer).Note.ShouldNotBeNull().ShouldContain("unknown message id");
        var received = await loop.WaitForAsync(loop.CsmsFrames, f => f.Direction == FrameDirection.Inbound);
        received.Raw.ShouldBe(Frame);
        loop.StationFrames.First().Note.ShouldBe("raw frame");
    }

    [Test]
    public void Registering_a_handler_for_the_wrong_direction_throws()
    {
        var peer = new OcppRpcPeer(new NullChannel(), new TestActionTable(OcppVersion.V201), OcppRole.ChargingStation, "CS1", new OcppRpcOptions(), TimeProvider.System);

        Should.Throw<ArgumentException>(() => peer.On<BootNotificationRequest, BootNotificationResponse>((_, _) => default));
        Should.Throw<ArgumentException>(() => peer.On<ResetRequest, HeartbeatResponse>((_, _) => default));
        Should.NotThrow(() => peer.On<ResetRequest, ResetResponse>((_, _) => default));
    }

    private sealed class NullChannel : IOcppChannel
    {
        public ValueTask SendAsync(string text, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask<string?> ReceiveAsync(CancellationToken ct) => ValueTask.FromResult<string?>(null);

        public ValueTask CloseAsync(CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

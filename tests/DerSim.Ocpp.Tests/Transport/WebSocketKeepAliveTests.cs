using System.Net.Security;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Tests.Rpc;
using DerSim.Ocpp.Transport;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>
/// The station's WebSocket keep-alive (OCPP WebSocketPingInterval, <see cref="PingingStream"/>) against a real OCPP server
/// on loopback, seen on the wire by a relay: PINGs on the client's time provider (./sim's timer wheel in a load run), a CSMS
/// that stops answering dropped with a reason that says so, and PINGs that never split one of the WebSocket's frames.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class WebSocketKeepAliveTests
{
    [Test]
    public async Task Pings_follow_the_clients_time_and_a_silent_csms_is_dropped_one_interval_after_an_unanswered_ping()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var server = HeartbeatRig.Server();
        await server.StartAsync(cts.Token);
        await using var relay = new FrameCountingRelay(server.Url);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new OcppClientOptions
        {
            Url = relay.Route(server.Url), StationId = "CS1", Version = OcppVersion.V201, ConnectTimeout = TimeSpan.FromSeconds(5),
            KeepAliveInterval = TimeSpan.FromSeconds(30),
        };
        var station = await new OcppClient(options, new TestActionTable(OcppVersion.V201), time).ConnectAsync(cts.Token);
        var run = station.RunAsync(cts.Token);

        (await HeartbeatAsync(station, cts.Token)).ShouldBe("t");
        relay.Count(FrameCountingRelay.Ping).ShouldBe(0, "no PING before one interval of the client's time");

        for (var ping = 1; ping <= 2; ping++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await UntilAsync(() => relay.Count(FrameCountingRelay.Ping) == ping, $"PING {ping} after {ping * 30} s of the client's time", cts.Token);
            // The CSMS answered the PING before this CALL (one TCP stream): the connection stays.
            (await HeartbeatAsync(station, cts.Token)).ShouldBe("t");
        }

        relay.Muted = true;
        time.Advance(TimeSpan.FromSeconds(30));
        await UntilAsync(() => relay.Count(FrameCountingRelay.Ping) == 3, "PING 3 (PING 2 was answered)", cts.Token);
        run.IsCompleted.ShouldBeFalse("dropped before its PING went unanswered for an interval");

        time.Advance(TimeSpan.FromSeconds(30));
        await run.WaitAsync(TimeSpan.FromSeconds(10), cts.Token);

        station.ClosedReason.ShouldNotBeNull().Message.ShouldBe("OCPP connection of CS1 lost: no answer to a WebSocket PING within 30 s (WebSocketPingInterval); connection dropped");
        relay.Count(FrameCountingRelay.Ping).ShouldBe(3);
        relay.Connections.ShouldBe(1);
    }

    [Test]
    public async Task Pings_between_large_frames_never_split_one()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = 0;
        await using var server = HeartbeatRig.Server(session: (peer, ct) =>
        {
            peer.On<DataTransferRequest, DataTransferResponse>((request, _) =>
            {
                Interlocked.Increment(ref received);
                return ValueTask.FromResult(new DataTransferResponse(request.Data!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            });
            return Task.Delay(Timeout.Infinite, ct);
        });
        await server.StartAsync(cts.Token);
        await using var relay = new FrameCountingRelay(server.Url);
        var url = new Uri(relay.Route(server.Url), "CS1");

        // A PING every 2 ms while frames of 1 to 64 KB go out back to back; a generous timeout, so a slow machine
        // cannot drop the connection: only a split frame could end it (the server closes on a protocol error).
        var request = new WebSocketDialRequest(url, ["ocpp2.0.1"], null, null, static (_, _, _, errors) => errors == SslPolicyErrors.None, TimeSpan.FromMilliseconds(2))
        {
            PingTimeout = TimeSpan.FromSeconds(20),
        };
        var dialed = await WebSocketDialer.ConnectAsync(request, cts.Token);
        await using var station = new OcppRpcPeer(new OcppWebSocketChannel(dialed.Socket), new TestActionTable(OcppVersion.V201), OcppRole.ChargingStation, "CS1", new OcppRpcOptions(), TimeProvider.System);
        var run = station.RunAsync(cts.Token);
        var random = new Random(7);
        var calls = 0;
        while (calls < 60 || relay.Count(FrameCountingRelay.Ping) < 50)
        {
            var data = new string('x', random.Next(1_000, 64_000));
            var answer = await station.CallAsync<DataTransferRequest, DataTransferResponse>(new("vendor", data), cts.Token);
            answer.Status.ShouldBe(data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            calls++;
        }

        received.ShouldBe(calls);
        run.IsCompleted.ShouldBeFalse(station.ClosedReason?.Message);
        relay.Connections.ShouldBe(1);
        relay.Count(FrameCountingRelay.Ping).ShouldBeGreaterThanOrEqualTo(50);
    }

    private static async Task<string> HeartbeatAsync(OcppRpcPeer station, CancellationToken ct) =>
        (await station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new(), ct)).CurrentTime;

    private static async Task UntilAsync(Func<bool> condition, string what, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (bound.IsCancellationRequested)
            {
                Assert.Fail($"waited 5 s for {what}");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }
}

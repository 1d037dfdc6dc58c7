using System.Net;
using System.Net.Sockets;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Tests.Rpc;

namespace DerSim.Ocpp.Tests.Transport;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class OcppTransportTests : IDisposable
{
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(15));

    private CancellationToken Token => _cts.Token;

    public void Dispose() => _cts.Dispose();

    private static OcppServer Server(OcppServerOptions? options = null, Func<OcppRpcPeer, CancellationToken, Task>? session = null) =>
        HeartbeatRig.Server(options, session);

    private static OcppClient Client(Uri url, OcppVersion version = OcppVersion.V201, string station = "CS1", Func<OcppClientOptions, OcppClientOptions>? tweak = null)
    {
        var options = new OcppClientOptions { Url = url, StationId = station, Version = version, ConnectTimeout = TimeSpan.FromSeconds(5) };
        return new OcppClient(tweak?.Invoke(options) ?? options, new TestActionTable(version));
    }

    private Task<string> HeartbeatAsync(OcppRpcPeer station) => HeartbeatRig.HeartbeatAsync(station, Token);

    [Test]
    public async Task Server_binds_a_free_port_and_negotiates_the_offered_version()
    {
        await using var server = Server(new OcppServerOptions { ActionTables = v => new TestActionTable(v), Versions = [OcppVersion.V16, OcppVersion.V201] });
        await server.StartAsync(Token);
        server.Port.ShouldBeGreaterThan(0);
        server.Url.ShouldBe(new Uri($"ws://127.0.0.1:{server.Port}/"));

        var station = await Client(server.Url, OcppVersion.V201).ConnectAsync(Token);

        station.Version.ShouldBe(OcppVersion.V201);
        (await HeartbeatAsync(station)).ShouldBe("t");
    }

    [Test]
    public async Task Station_id_is_the_unescaped_last_path_segment()
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = Server(session: (peer, _) =>
        {
            seen.TrySetResult(peer.StationId);
            return Task.CompletedTask;
        });
        await server.StartAsync(Token);

        // Every identifierString character that the client escapes in the URL ('*', '=', '+', '|', '@') comes back.
        var station = await Client(new Uri(server.Url, "ocpp/v2/"), station: "CS*1+a=b|c@d").ConnectAsync(Token);

        (await seen.Task.WaitAsync(Token)).ShouldBe("CS*1+a=b|c@d");
        await station.DisposeAsync();
    }

    [Test]
    public async Task No_common_subprotocol_is_refused_with_http_400()
    {
        OcppServerRejection? rejection = null;
        await using var server = Server(new OcppServerOptions { ActionTables = v => new TestActionTable(v), Versions = [OcppVersion.V16] });
        server.Rejected += r => rejection = r;
        await server.StartAsync(Token);

        var error = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url, OcppVersion.V201).ConnectAsync(Token));

        error.Failure.ShouldBe(OcppConnectFailure.Http);
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.Message.ShouldContain("HTTP 400");
        rejection.ShouldNotBeNull().Reason.ShouldContain("no common subprotocol");
        rejection.StationId.ShouldBe("CS1");
    }

    [TestCase(null, "none")]
    [TestCase("ocpp1.6", "ocpp1.6")]
    public async Task Server_that_does_not_select_our_subprotocol_fails_clearly(string? answered, string shown)
    {
        await using var server = new HandshakeOnlyServer(answered);

        var error = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url, OcppVersion.V201).ConnectAsync(Token));

        error.Failure.ShouldBe(OcppConnectFailure.Subprotocol);
        error.Message.ShouldBe($"CSMS at {server.Url}CS1 did not accept subprotocol ocpp2.0.1 (answered: {shown})");
    }

    [Test]
    public async Task Non_websocket_request_gets_http_400()
    {
        await using var server = Server();
        await server.StartAsync(Token);
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri($"http://127.0.0.1:{server.Port}/CS1"), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("WebSocket");
    }

    [Test]
    public async Task Basic_auth_accepted_rejected_and_missing()
    {
        var checkedIds = new List<string>();
        await using var server = Server(new OcppServerOptions
        {
            ActionTables = v => new TestActionTable(v),
            BasicAuth = (id, password) =>
            {
                lock (checkedIds)
                {
                    checkedIds.Add(id);
                }

                return ValueTask.FromResult(password == "s3cret:with-colon");
            },
        });
        await server.StartAsync(Token);

        var good = await Client(server.Url, tweak: o => o with { BasicAuthPassword = "s3cret:with-colon" }).ConnectAsync(Token);
        (await HeartbeatAsync(good)).ShouldBe("t");
        var wrong = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url, tweak: o => o with { BasicAuthPassword = "guess" }).ConnectAsync(Token));
        var missing = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url).ConnectAsync(Token));

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.Message.ShouldBe($"CSMS at {server.Url}CS1 rejected Basic auth for station 'CS1' (HTTP 401)");
        missing.Message.ShouldContain("no Basic auth password is configured");
        checkedIds.ShouldBe(["CS1", "CS1"]);
    }

    [Test]
    public async Task Refused_connection_is_retried_with_backoff_then_gives_up()
    {
        var port = FreePort();
        var attempts = new List<OcppReconnectAttempt>();
        var client = Client(
            new Uri($"ws://127.0.0.1:{port}/"),
            tweak: o => o with { Reconnect = new OcppReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 3 } });
        client.Reconnecting += attempts.Add;

        var error = await Should.ThrowAsync<OcppConnectException>(() => client.RunWithReconnectAsync((_, _) => Task.CompletedTask, Token));

        error.Failure.ShouldBe(OcppConnectFailure.Refused);
        error.Message.ShouldBe($"connection refused by ws://127.0.0.1:{port}/CS1");
        attempts.Select(a => a.Attempt).ShouldBe([1, 2]);
        attempts[1].Delay.ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(20));
        attempts[0].ToString().ShouldStartWith($"connection refused by ws://127.0.0.1:{port}/CS1, retry 1 in ");
    }

    [Test]
    public async Task Client_reconnects_after_the_server_drops_the_connection()
    {
        var connections = 0;
        await using var server = Server(session: async (peer, ct) =>
        {
            if (Interlocked.Increment(ref connections) == 1)
            {
                await peer.DisposeAsync();
                return;
            }

            peer.On<HeartbeatRequest, HeartbeatResponse>((_, _) => ValueTask.FromResult(new HeartbeatResponse("second")));
            await Task.Delay(Timeout.Infinite, ct);
        });
        await server.StartAsync(Token);
        var client = Client(server.Url, tweak: o => o with { Reconnect = new OcppReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(20) } });
        var attempts = new List<OcppReconnectAttempt>();
        client.Reconnecting += attempts.Add;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var answers = new List<string>();

        var run = client.RunWithReconnectAsync(
            async (peer, ct) =>
            {
                try
                {
                    answers.Add((await peer.CallAsync<HeartbeatRequest, HeartbeatResponse>(new(), ct)).CurrentTime);
                    await stop.CancelAsync();
                }
                catch (OcppConnectionClosedException)
                {
                    answers.Add("dropped");
                }
            },
            stop.Token);

        await Should.ThrowAsync<OperationCanceledException>(() => run);
        answers.ShouldBe(["dropped", "second"]);
        connections.ShouldBe(2);
        attempts.ShouldHaveSingleItem().Attempt.ShouldBe(1);
    }

    [Test]
    public async Task Stopping_the_server_closes_stations_cleanly()
    {
        var server = Server();
        await server.StartAsync(Token);
        var station = await Client(server.Url).ConnectAsync(Token);
        var run = station.RunAsync(Token);
        await station.CallAsync<HeartbeatRequest, HeartbeatResponse>(new(), Token);
        server.Peers.Count.ShouldBe(1);

        await server.DisposeAsync();
        await run.WaitAsync(Token);

        station.ClosedReason.ShouldBeOfType<OcppConnectionClosedException>().Message.ShouldContain("closed by the peer");
        server.Peers.ShouldBeEmpty();
        await station.DisposeAsync();
    }

    [Test]
    public async Task Tls_with_a_trusted_self_signed_certificate_connects()
    {
        using var certificate = TestCertificates.Server();
        await using var server = Server(new OcppServerOptions { ActionTables = v => new TestActionTable(v), ServerCertificate = certificate });
        await server.StartAsync(Token);
        server.Url.Scheme.ShouldBe("wss");
        using var trusted = TestCertificates.PublicPart(certificate);

        var station = await Client(server.Url, tweak: o => o with { TrustedCaCertificate = trusted }).ConnectAsync(Token);

        (await HeartbeatAsync(station)).ShouldBe("t");
    }

    [Test]
    public async Task Tls_with_an_untrusted_certificate_fails_clearly()
    {
        using var certificate = TestCertificates.Server();
        using var other = TestCertificates.Server("some other CA");
        await using var server = Server(new OcppServerOptions { ActionTables = v => new TestActionTable(v), ServerCertificate = certificate });
        await server.StartAsync(Token);

        var untrusted = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url).ConnectAsync(Token));
        var wrongCa = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url, tweak: o => o with { TrustedCaCertificate = other }).ConnectAsync(Token));

        untrusted.Failure.ShouldBe(OcppConnectFailure.Tls);
        untrusted.Message.ShouldContain("server certificate not trusted");
        wrongCa.Failure.ShouldBe(OcppConnectFailure.Tls);
    }

    [Test]
    public async Task Mutual_tls_requires_the_client_certificate()
    {
        using var serverCertificate = TestCertificates.Server();
        using var clientCertificate = TestCertificates.Client("CS1");
        using var trusted = TestCertificates.PublicPart(serverCertificate);
        await using var server = Server(new OcppServerOptions
        {
            ActionTables = v => new TestActionTable(v),
            ServerCertificate = serverCertificate,
            RequireClientCertificate = true,
            ClientCertificateValidation = (presented, _, _) => presented.Thumbprint == clientCertificate.Thumbprint,
        });
        await server.StartAsync(Token);

        var withCertificate = await Client(server.Url, tweak: o => o with { TrustedCaCertificate = trusted, ClientCertificate = clientCertificate }).ConnectAsync(Token);
        (await HeartbeatAsync(withCertificate)).ShouldBe("t");

        var without = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url, tweak: o => o with { TrustedCaCertificate = trusted }).ConnectAsync(Token));
        without.Failure.ShouldBe(OcppConnectFailure.Tls);
        without.Message.ShouldContain("client certificate");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

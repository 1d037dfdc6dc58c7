using System.Net;
using System.Net.Sockets;
using System.Text;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Tests.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>
/// A station behind an HTTP proxy (as <c>HTTP_PROXY</c>/<c>HTTPS_PROXY</c> give it): the connection is a CONNECT tunnel
/// through a real proxy on loopback to a real OCPP server, for <c>ws</c> and <c>wss</c>. The CSMS's host name
/// (<c>csms.test</c>) exists only for the proxy, so a station that dialled it itself could not connect.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ProxyTunnelTests : IDisposable
{
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(15));

    private CancellationToken Token => _cts.Token;

    public void Dispose() => _cts.Dispose();

    [Test]
    public async Task A_ws_connection_goes_through_the_proxy_as_a_connect_tunnel()
    {
        await using var server = Server();
        await server.StartAsync(Token);
        await using var proxy = new ConnectProxy();
        var url = new Uri($"ws://csms.test:{server.Port}/");

        var station = await Client(url, new WebProxy(proxy.Url)).ConnectAsync(Token);

        (await HeartbeatAsync(station)).ShouldBe("t");
        proxy.Requests.Single().Split("\r\n")[0].ShouldBe($"CONNECT csms.test:{server.Port} HTTP/1.1");
        proxy.Requests.Single().ShouldContain($"Host: csms.test:{server.Port}");
        proxy.Requests.Single().ShouldNotContain("Proxy-Authorization");
    }

    [Test]
    public async Task A_wss_connection_runs_tls_to_the_csms_inside_the_tunnel()
    {
        using var certificate = TestCertificates.Server();
        await using var server = Server(certificate);
        await server.StartAsync(Token);
        await using var proxy = new ConnectProxy();
        var url = new Uri($"wss://csms.test:{server.Port}/");
        string? seenByStation = null;

        var station = await Client(url, new WebProxy(proxy.Url), o => o with
        {
            // The test certificate names 127.0.0.1, not csms.test: accept it by thumbprint, which proves the TLS
            // handshake reached the CSMS through the tunnel.
            ServerCertificateValidation = (presented, _, _) =>
            {
                seenByStation = presented.Thumbprint;
                return presented.Thumbprint == certificate.Thumbprint;
            },
        }).ConnectAsync(Token);

        (await HeartbeatAsync(station)).ShouldBe("t");
        seenByStation.ShouldBe(certificate.Thumbprint);
        proxy.Requests.Single().Split("\r\n")[0].ShouldBe($"CONNECT csms.test:{server.Port} HTTP/1.1");
    }

    [Test]
    public async Task Credentials_in_the_proxy_url_or_the_proxy_settings_are_sent_as_basic_proxy_authorization()
    {
        await using var server = Server();
        await server.StartAsync(Token);
        await using var proxy = new ConnectProxy(requiredAuthorization: "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("qa@vendor:p:ss word")));
        var url = new Uri($"ws://csms.test:{server.Port}/");
        var inUrl = new WebProxy(new Uri($"http://qa%40vendor:p%3Ass%20word@127.0.0.1:{proxy.Url.Port}"));
        var inSettings = new WebProxy(proxy.Url) { Credentials = new NetworkCredential("qa@vendor", "p:ss word") };

        (await HeartbeatAsync(await Client(url, inUrl).ConnectAsync(Token))).ShouldBe("t");
        (await HeartbeatAsync(await Client(url, inSettings).ConnectAsync(Token))).ShouldBe("t");
        proxy.Requests.Count.ShouldBe(2);
    }

    [Test]
    public async Task A_proxy_that_refuses_the_tunnel_is_named_with_its_status_and_no_password()
    {
        await using var proxy = new ConnectProxy(requiredAuthorization: "Basic c29tZW9uZTplbHNl");
        var url = new Uri("ws://csms.test:9000/ocpp/");

        var error = await Should.ThrowAsync<OcppConnectException>(() => Client(url, new WebProxy(new Uri($"http://qa:secret@127.0.0.1:{proxy.Url.Port}"))).ConnectAsync(Token));

        error.Failure.ShouldBe(OcppConnectFailure.Http);
        error.StatusCode.ShouldBe(HttpStatusCode.ProxyAuthenticationRequired);
        error.Message.ShouldBe($"the proxy http://127.0.0.1:{proxy.Url.Port} refused the tunnel to ws://csms.test:9000/ocpp/CS1: HTTP 407 (proxy credentials missing or refused: user and password go in the proxy URL)");
        error.Message.ShouldNotContain("secret");
    }

    [Test]
    public async Task A_proxy_that_is_not_listening_is_named()
    {
        using var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();

        var error = await Should.ThrowAsync<OcppConnectException>(() => Client(new Uri("ws://csms.test:9000/"), new WebProxy($"http://127.0.0.1:{port}")).ConnectAsync(Token));

        error.Failure.ShouldBe(OcppConnectFailure.Refused);
        error.Message.ShouldBe($"connection refused by the proxy http://127.0.0.1:{port} (dialling ws://csms.test:9000/CS1 through it)");
    }

    [Test]
    public void Loopback_csmses_and_bypassed_hosts_are_dialled_directly_and_only_http_proxies_are_taken()
    {
        var proxy = new WebProxy("http://proxy.test:3128", BypassOnLocal: false, BypassList: [@"direct\.test"]);

        OcppClient.ProxyFor(new Uri("ws://csms.test:9000/ocpp/CS1"), proxy).Proxy.ShouldBe(new Uri("http://proxy.test:3128/"));
        OcppClient.ProxyFor(new Uri("wss://csms.test/ocpp/CS1"), proxy).Proxy.ShouldBe(new Uri("http://proxy.test:3128/"));
        OcppClient.ProxyFor(new Uri("ws://127.0.0.1:9000/ocpp/CS1"), proxy).ShouldBe((null, null));
        OcppClient.ProxyFor(new Uri("ws://[::1]:9000/ocpp/CS1"), proxy).ShouldBe((null, null));
        OcppClient.ProxyFor(new Uri("ws://direct.test:9000/ocpp/CS1"), proxy).ShouldBe((null, null));
        OcppClient.ProxyFor(new Uri("ws://csms.test:9000/ocpp/CS1"), new WebProxy()).ShouldBe((null, null));

        var socks = Should.Throw<OcppConnectException>(() => OcppClient.ProxyFor(new Uri("ws://csms.test:9000/ocpp/CS1"), new WebProxy("socks5://proxy.test:1080")));
        socks.Message.ShouldBe("proxy socks5://proxy.test:1080 for ws://csms.test:9000/ocpp/CS1: only http:// proxies are supported (HTTP CONNECT), not socks5://");
    }

    private static OcppServer Server(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null) =>
        HeartbeatRig.Server(new OcppServerOptions { ActionTables = v => new TestActionTable(v), ServerCertificate = certificate });

    private static OcppClient Client(Uri url, IWebProxy proxy, Func<OcppClientOptions, OcppClientOptions>? tweak = null)
    {
        var options = new OcppClientOptions { Url = url, StationId = "CS1", Version = OcppVersion.V201, ConnectTimeout = TimeSpan.FromSeconds(5), Proxy = proxy };
        return new OcppClient(tweak?.Invoke(options) ?? options, new TestActionTable(OcppVersion.V201));
    }

    private Task<string> HeartbeatAsync(OcppRpcPeer station) => HeartbeatRig.HeartbeatAsync(station, Token);

    /// <summary>
    /// An HTTP proxy that only tunnels (CONNECT), resolving every host name to 127.0.0.1; with a required
    /// Proxy-Authorization it answers any other with 407. It keeps each tunnel request's head.
    /// </summary>
    private sealed class ConnectProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string? _requiredAuthorization;
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Task> _tunnels = [];
        private readonly Task _accept;

        public ConnectProxy(string? requiredAuthorization = null)
        {
            _requiredAuthorization = requiredAuthorization;
            _listener.Start();
            _accept = AcceptAsync();
        }

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

        public List<string> Requests { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accept.ContinueWith(_ => { }, TaskScheduler.Default);
            Task[] tunnels;
            lock (_tunnels)
            {
                tunnels = [.. _tunnels];
            }

            await Task.WhenAll(tunnels).ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_tunnels)
                {
                    _tunnels.Add(TunnelAsync(client));
                }
            }
        }

        private async Task TunnelAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                lock (Requests)
                {
                    Requests.Add(head);
                }

                var lines = head.Split("\r\n");
                var authorization = lines.FirstOrDefault(l => l.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase))?["Proxy-Authorization:".Length..].Trim();
                if (_requiredAuthorization is not null && authorization != _requiredAuthorization)
                {
                    await stream.WriteAsync("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), _stop.Token);
                    return;
                }

                var target = lines[0].Split(' ')[1];
                var port = int.Parse(target[(target.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, port, _stop.Token);
                await stream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stop.Token);
                var server = upstream.GetStream();
                await Task.WhenAny(stream.CopyToAsync(server, _stop.Token), server.CopyToAsync(stream, _stop.Token));
            }
        }

        private static async Task<string> ReadHeadAsync(NetworkStream stream)
        {
            var head = new List<byte>();
            var one = new byte[1];
            while (await stream.ReadAsync(one) == 1)
            {
                head.Add(one[0]);
                if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
                {
                    break;
                }
            }

            return Encoding.ASCII.GetString([.. head]);
        }
    }
}

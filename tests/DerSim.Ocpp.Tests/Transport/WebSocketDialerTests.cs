using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using DerSim.Ocpp.Tests.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>
/// The station's own WebSocket upgrade (RFC 6455 §4.1) against a scripted server on a real loopback socket: what it
/// sends, a first frame that arrives in the same read as the 101, and the answers that are not an upgrade.
/// </summary>
public sealed class WebSocketDialerTests
{
    [Test]
    public async Task The_upgrade_request_names_path_host_key_version_subprotocols_and_authorization()
    {
        string? seen = null;
        await using var server = new ScriptedUpgradeServer(request =>
        {
            seen = request;
            return Encoding.ASCII.GetBytes(Upgrade(request, "ocpp2.0.1"));
        });
        var url = new Uri(server.Url, "ocpp/CS%20X-1?tenant=a");

        var result = await WebSocketDialer.ConnectAsync(Request(url, ["ocpp2.0.1", "ocpp1.6"], "Basic Q1MxOnNlY3JldA=="), CancellationToken.None);
        result.Socket.Dispose();

        result.Subprotocol.ShouldBe("ocpp2.0.1");
        var lines = seen!.Split("\r\n");
        lines[0].ShouldBe("GET /ocpp/CS%20X-1?tenant=a HTTP/1.1");
        lines.ShouldContain($"Host: 127.0.0.1:{server.Url.Port}");
        lines.ShouldContain("Upgrade: websocket");
        lines.ShouldContain("Connection: Upgrade");
        lines.ShouldContain("Sec-WebSocket-Version: 13");
        lines.ShouldContain("Sec-WebSocket-Protocol: ocpp2.0.1, ocpp1.6");
        lines.ShouldContain("Authorization: Basic Q1MxOnNlY3JldA==");
        Convert.FromBase64String(Header(seen, "Sec-WebSocket-Key")!).Length.ShouldBe(16);
    }

    [Test]
    public async Task A_frame_written_with_the_101_is_the_first_message()
    {
        // The CSMS's first CALL in the same TCP segment as its upgrade answer: the bytes read past the head are kept.
        await using var server = new ScriptedUpgradeServer(request => [.. Encoding.ASCII.GetBytes(Upgrade(request, "ocpp1.6")), .. TextFrame("[2,\"1\",\"Reset\",{}]")]);

        var result = await WebSocketDialer.ConnectAsync(Request(server.Url, ["ocpp1.6"]), CancellationToken.None);
        using var socket = result.Socket;
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);

        received.MessageType.ShouldBe(WebSocketMessageType.Text);
        Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldBe("[2,\"1\",\"Reset\",{}]");
    }

    [Test]
    public async Task An_ipv6_literal_is_dialled_and_named_in_brackets_in_the_host_header()
    {
        string? seen = null;
        await using var server = new ScriptedUpgradeServer(
            request =>
            {
                seen = request;
                return Encoding.ASCII.GetBytes(Upgrade(request, "ocpp1.6"));
            },
            IPAddress.IPv6Loopback);

        var result = await WebSocketDialer.ConnectAsync(Request(server.Url, ["ocpp1.6"]), CancellationToken.None);
        result.Socket.Dispose();

        server.Url.Host.ShouldBe("[::1]");
        seen!.Split("\r\n").ShouldContain($"Host: [::1]:{server.Url.Port}");
    }

    [Test]
    public async Task A_wrong_accept_key_is_refused_naming_the_header()
    {
        await using var server = new ScriptedUpgradeServer(request => Encoding.ASCII.GetBytes(
            Upgrade(request, "ocpp1.6").Replace("Sec-WebSocket-Accept: ", "Sec-WebSocket-Accept: x", StringComparison.Ordinal)));

        var error = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url).ConnectAsync());

        error.Failure.ShouldBe(OcppConnectFailure.Other);
        error.Message.ShouldBe($"connecting to {server.Url}CS1 failed: Sec-WebSocket-Accept does not match the key sent (RFC 6455 §4.1)");
    }

    [Test]
    public async Task A_connection_closed_before_any_answer_says_so()
    {
        await using var server = new ScriptedUpgradeServer(_ => null);

        var error = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url).ConnectAsync());

        error.Message.ShouldBe($"connecting to {server.Url}CS1 failed: the connection ended before the upgrade answer");
    }

    [Test]
    public async Task An_answer_head_beyond_16_KB_is_refused()
    {
        await using var server = new ScriptedUpgradeServer(request => Encoding.ASCII.GetBytes(
            Upgrade(request, "ocpp1.6").Replace("\r\n\r\n", "\r\nX-Padding: " + new string('a', 20_000) + "\r\n\r\n", StringComparison.Ordinal)));

        var error = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url).ConnectAsync());

        error.Message.ShouldEndWith("failed: the upgrade answer's headers exceed 16 KB");
    }

    [Test]
    public async Task A_status_other_than_101_keeps_its_code()
    {
        await using var server = new ScriptedUpgradeServer(_ => "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"u8.ToArray());

        var error = await Should.ThrowAsync<OcppConnectException>(() => Client(server.Url).ConnectAsync());

        error.Failure.ShouldBe(OcppConnectFailure.Http);
        error.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        error.Message.ShouldBe($"CSMS at {server.Url}CS1 refused the WebSocket upgrade with HTTP 503 ServiceUnavailable");
    }

    private static OcppClient Client(Uri url) =>
        new(new OcppClientOptions { Url = url, StationId = "CS1", Version = OcppVersion.V16, ConnectTimeout = TimeSpan.FromSeconds(5) }, new TestActionTable(OcppVersion.V16));

    private static WebSocketDialRequest Request(Uri url, IReadOnlyList<string> subprotocols, string? authorization = null) =>
        new(url, subprotocols, authorization, null, static (_, _, _, errors) => errors == SslPolicyErrors.None, TimeSpan.Zero);

    private static string? Header(string head, string name) =>
        head.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();

    private static string Upgrade(string request, string subprotocol)
    {
#pragma warning disable CA5350 // RFC 6455 §4.2.2 defines Sec-WebSocket-Accept with SHA-1.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(Header(request, "Sec-WebSocket-Key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        return $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: {subprotocol}\r\n\r\n";
    }

    // An unmasked server text frame (RFC 6455 §5.2), payload under 126 bytes.
    private static byte[] TextFrame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        return [0x81, (byte)payload.Length, .. payload];
    }

    /// <summary>Answers one upgrade request with what the script gives (null: closes without answering), in one write.</summary>
    private sealed class ScriptedUpgradeServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _serve;

        public ScriptedUpgradeServer(Func<string, byte[]?> script, IPAddress? address = null)
        {
            _listener = new(address ?? IPAddress.Loopback, 0);
            _listener.Start();
            _serve = ServeAsync(script);
        }

        public Uri Url => new($"ws://{new IPEndPoint(((IPEndPoint)_listener.LocalEndpoint).Address, ((IPEndPoint)_listener.LocalEndpoint).Port)}/");

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serve;
        }

        private async Task ServeAsync(Func<string, byte[]?> script)
        {
            using var client = await _listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
            {
                head.Append((char)one[0]);
            }

            if (script(head.ToString()) is { } answer)
            {
                await stream.WriteAsync(answer);
                // Hold the connection while the client reads.
                var rest = new byte[64];
                try
                {
                    using var hold = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    while (await stream.ReadAsync(rest, hold.Token) > 0)
                    {
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                }
            }
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Ocpp.Tests.Rpc;

/// <summary>
/// A caller that gives up on a CALL (its token is cancelled, as a stopping station's session token is) while the frame
/// is still being written must not abort the WebSocket: .NET aborts a socket whose send is cancelled mid-write, and an
/// aborted socket cannot send the close frame a clean disconnect needs.
/// </summary>
public sealed class OcppRpcPeerCancellationTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Cancelling_a_call_while_its_frame_is_being_written_leaves_the_socket_open_for_a_clean_close()
    {
        await using var server = new StalledReader();
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.Url, CancellationToken.None);
        var channel = new OcppWebSocketChannel(socket);
        var peer = new OcppRpcPeer(channel, new TestActionTable(OcppVersion.V201), OcppRole.ChargingStation, "CS1", new OcppRpcOptions(), TimeProvider.System);
        using var caller = new CancellationTokenSource();

        // 32 MB to a peer that reads nothing: the write stalls once the socket buffers are full.
        var call = peer.CallAsync<DataTransferRequest, DataTransferResponse>(new("acme", new string('x', 32 * 1024 * 1024)), caller.Token);
        await Task.Delay(500);
        call.IsCompleted.ShouldBeFalse("the frame should still be in the middle of its write");

        await caller.CancelAsync();
        await Task.Delay(300);

        channel.State.ShouldBe(WebSocketState.Open, "cancelling the caller's token aborted the socket under the write");
        await peer.DisposeAsync();
        await Should.ThrowAsync<Exception>(call);
    }

    /// <summary>A WebSocket server on a real socket that completes the handshake and then never reads.</summary>
    private sealed class StalledReader : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task<TcpClient> _accepted;

        public StalledReader()
        {
            _listener.Start();
            _accepted = AcceptAsync();
        }

        public Uri Url => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            if (_accepted.IsCompletedSuccessfully)
            {
                (await _accepted).Dispose();
            }
        }

        private async Task<TcpClient> AcceptAsync()
        {
            var client = await _listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var request = new StringBuilder();
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            var key = request.ToString().Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..].Trim();
#pragma warning disable CA5350 // RFC 6455 §4.2.2 defines Sec-WebSocket-Accept with SHA-1.
            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"));

            // Held by the returned task until disposal, and never read from again.
            return client;
        }
    }
}

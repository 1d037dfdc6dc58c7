using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>
/// A deliberately careless WebSocket server on a real socket: it completes the RFC 6455 handshake but
/// answers with a fixed subprotocol (or none), as some CSMSs do.
/// </summary>
public sealed class HandshakeOnlyServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string? _subprotocol;
    private readonly Task _accept;
    private readonly CancellationTokenSource _cts = new();

    public HandshakeOnlyServer(string? subprotocol)
    {
        _subprotocol = subprotocol;
        _listener.Start();
        _accept = AcceptAsync();
    }

    public Uri Url => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _cts.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_cts.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_cts.Token);
            var stream = client.GetStream();
            var request = await ReadHeadersAsync(stream);
            var key = request.Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..].Trim();
#pragma warning disable CA5350 // RFC 6455 §4.2.2 defines Sec-WebSocket-Accept with SHA-1.
            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
            var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                $"Sec-WebSocket-Accept: {accept}\r\n" +
                (_subprotocol is null ? string.Empty : $"Sec-WebSocket-Protocol: {_subprotocol}\r\n") + "\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _cts.Token);
            await Task.Delay(200, _cts.Token);
        }
    }

    private async Task<string> ReadHeadersAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var count = 0;
        while (true)
        {
            count += await stream.ReadAsync(buffer.AsMemory(count), _cts.Token);
            var text = Encoding.ASCII.GetString(buffer, 0, count);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }
}

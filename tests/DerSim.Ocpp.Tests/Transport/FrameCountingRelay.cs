using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>
/// A transparent TCP relay on loopback between a station and its CSMS that reads the RFC 6455 frames the station
/// sends (after the HTTP upgrade) and counts them by opcode, forwarding every byte unchanged. Control frames the
/// WebSocket stacks hide — PING (0x9), PONG (0xA) — become visible this way.
/// </summary>
public sealed class FrameCountingRelay : IAsyncDisposable
{
    /// <summary>The PING opcode.</summary>
    public const int Ping = 0x9;

    /// <summary>The PONG opcode.</summary>
    public const int Pong = 0xA;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _cts = new();
    private readonly ConcurrentQueue<(int Connection, int Opcode, DateTimeOffset At)> _frames = new();
    private readonly Task _accept;
    private int _connections;

    public FrameCountingRelay(Uri target)
    {
        _target = target;
        _listener.Start();
        _accept = AcceptAsync();
    }

    /// <summary>
    /// While set, the CSMS's bytes are read and dropped instead of passed on: a CSMS gone silent on a connection that stays
    /// open (its PONGs never arrive).
    /// </summary>
    public bool Muted { get; set; }

    /// <summary>How many connections went through so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The station's frames with <paramref name="opcode"/> (on connection <paramref name="connection"/> when given).</summary>
    public int Count(int opcode, int? connection = null) =>
        _frames.Count(f => f.Opcode == opcode && (connection is null || f.Connection == connection));

    /// <summary><paramref name="url"/> with the relay's host and port.</summary>
    public Uri Route(Uri url) => new UriBuilder(url) { Host = "127.0.0.1", Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri;

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
            // Stopped.
        }

        _cts.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_cts.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_cts.Token);
            var connection = Interlocked.Increment(ref _connections);
            _ = Task.Run(() => RelayAsync(client, connection));
        }
    }

    private async Task RelayAsync(TcpClient client, int connection)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port, _cts.Token);
                var down = PassDownAsync(server.GetStream(), client.GetStream());
                var up = ObserveUpAsync(client.GetStream(), server.GetStream(), connection);
                await Task.WhenAny(down, up);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // One side closed: the relay closes the other.
            }
        }
    }

    private async Task PassDownAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16384];
        int n;
        while ((n = await from.ReadAsync(buffer, _cts.Token)) > 0)
        {
            if (!Muted)
            {
                await to.WriteAsync(buffer.AsMemory(0, n), _cts.Token);
            }
        }
    }

    private async Task ObserveUpAsync(NetworkStream from, NetworkStream to, int connection)
    {
        var pending = new List<byte>();
        var upgraded = false;
        var buffer = new byte[16384];
        while (true)
        {
            var n = await from.ReadAsync(buffer, _cts.Token);
            if (n == 0)
            {
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, n), _cts.Token);
            pending.AddRange(buffer.AsSpan(0, n));
            if (!upgraded)
            {
                var end = IndexOfHeaderEnd(pending);
                if (end < 0)
                {
                    continue;
                }

                pending.RemoveRange(0, end);
                upgraded = true;
            }

            while (TryTakeFrame(pending, out var opcode))
            {
                _frames.Enqueue((connection, opcode, DateTimeOffset.UtcNow));
            }
        }
    }

    private static int IndexOfHeaderEnd(List<byte> bytes)
    {
        for (var i = 3; i < bytes.Count; i++)
        {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n')
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>Removes one whole frame from the front of <paramref name="bytes"/> when it is all there.</summary>
    private static bool TryTakeFrame(List<byte> bytes, out int opcode)
    {
        opcode = 0;
        if (bytes.Count < 2)
        {
            return false;
        }

        var masked = (bytes[1] & 0x80) != 0;
        long length = bytes[1] & 0x7F;
        var header = 2;
        if (length == 126)
        {
            if (bytes.Count < 4)
            {
                return false;
            }

            length = (bytes[2] << 8) | bytes[3];
            header = 4;
        }
        else if (length == 127)
        {
            if (bytes.Count < 10)
            {
                return false;
            }

            length = 0;
            for (var i = 2; i < 10; i++)
            {
                length = (length << 8) | bytes[i];
            }

            header = 10;
        }

        var total = header + (masked ? 4 : 0) + length;
        if (bytes.Count < total)
        {
            return false;
        }

        opcode = bytes[0] & 0x0F;
        bytes.RemoveRange(0, (int)total);
        return true;
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DerSim.Sim.Runtime;

/// <summary>
/// A loopback TCP relay between a station and its CSMS that can fail like a network: <see cref="Cut"/> resets every
/// connection through it (no WebSocket close frame, no FIN — both ends just see the socket die) and refuses new ones
/// until <see cref="Restore"/>. The station's own reconnect policy then does the rest. TLS passes through untouched.
/// </summary>
public sealed class NetworkLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<Pair, byte> _pairs = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _accepting;
    private volatile bool _cut;

    /// <summary>A relay to <paramref name="targetHost"/>:<paramref name="targetPort"/>; call <see cref="Start"/>.</summary>
    public NetworkLink(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
    }

    /// <summary>The loopback port stations connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Whether the link is cut.</summary>
    public bool IsCut => _cut;

    /// <summary>How many connections were reset by <see cref="Cut"/> or refused while cut.</summary>
    public int Resets { get; private set; }

    /// <summary>How many connections were relayed so far.</summary>
    public int Relayed { get; private set; }

    /// <summary>A relay for the host and port of <paramref name="url"/> (ws/wss default ports when none is given).</summary>
    public static NetworkLink For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var port = url.IsDefaultPort ? (url.Scheme == "wss" ? 443 : 80) : url.Port;
        return new NetworkLink(url.Host, port);
    }

    /// <summary><paramref name="url"/> through this relay: same scheme and path, 127.0.0.1 and <see cref="Port"/>.</summary>
    public Uri Route(Uri url) => new UriBuilder(url) { Host = "127.0.0.1", Port = Port }.Uri;

    /// <summary>Starts listening.</summary>
    public void Start()
    {
        _listener.Start();
        _accepting = Task.Run(() => AcceptLoopAsync(_stop.Token));
    }

    /// <summary>The network fails: every connection is reset and new ones are refused until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var pair in _pairs.Keys)
        {
            Reset(pair);
        }
    }

    /// <summary>The network is back: new connections go through again.</summary>
    public void Restore() => _cut = false;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var pair in _pairs.Keys)
        {
            pair.Close();
        }

        if (_accepting is { } accepting)
        {
            try
            {
                await accepting.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopping.
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(ct).ConfigureAwait(false);
            if (_cut)
            {
                Resets++;
                Abort(client);
                continue;
            }

            _ = Task.Run(() => RelayAsync(client, ct), CancellationToken.None);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken ct)
    {
        var upstream = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
        try
        {
            await upstream.ConnectAsync(_targetHost, _targetPort, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            // The CSMS is unreachable: the station sees the same as without the relay.
            Abort(client);
            upstream.Dispose();
            return;
        }

        var pair = new Pair(client, upstream);
        _pairs[pair] = 0;
        Relayed++;
        if (_cut)
        {
            Reset(pair);
        }

        try
        {
            await Task.WhenAny(PumpAsync(client, upstream, ct), PumpAsync(upstream, client, ct)).ConfigureAwait(false);
        }
        finally
        {
            _pairs.TryRemove(pair, out _);
            pair.Close();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, ct).ConfigureAwait(false);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side died or was reset: the pair ends.
        }
    }

    private void Reset(Pair pair)
    {
        Resets++;
        Abort(pair.Client);
        Abort(pair.Upstream);
    }

    private static void Abort(Socket socket)
    {
        try
        {
            // Linger 0: close with RST, as a dead network path looks to the endpoints.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Gone already.
        }
    }

    private sealed record Pair(Socket Client, Socket Upstream)
    {
        public void Close()
        {
            Client.Dispose();
            Upstream.Dispose();
        }
    }
}

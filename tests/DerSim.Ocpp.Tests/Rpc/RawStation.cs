using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Ocpp.Tests.Rpc;

/// <summary>
/// A bare WebSocket client speaking literal frames to an <see cref="OcppServer"/>, for input the
/// typed peer would never produce.
/// </summary>
public sealed class RawStation : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(20));

    public List<OcppFrameEvent> CsmsFrames { get; } = [];

    public OcppRpcPeer Csms { get; private set; } = null!;

    public OcppServer Server { get; private set; } = null!;

    public static async Task<RawStation> StartAsync(OcppVersion version, Action<OcppRpcPeer>? configureCsms = null, OcppRpcOptions? csmsOptions = null)
    {
        var raw = new RawStation();
        var connected = new TaskCompletionSource<OcppRpcPeer>(TaskCreationOptions.RunContinuationsAsynchronously);
        raw.Server = new OcppServer(
            new OcppServerOptions { ActionTables = v => new TestActionTable(v), Rpc = csmsOptions ?? Loopback.Strict, Versions = [version] },
            (peer, ct) =>
            {
                peer.Frame += e =>
                {
                    lock (raw.CsmsFrames)
                    {
                        raw.CsmsFrames.Add(e);
                    }
                };
                configureCsms?.Invoke(peer);
                connected.TrySetResult(peer);
                return Task.Delay(Timeout.Infinite, ct);
            });
        await raw.Server.StartAsync(raw._cts.Token);
        raw._socket.Options.AddSubProtocol(version.Subprotocol());
        await raw._socket.ConnectAsync(new Uri(raw.Server.Url, "CS1"), raw._cts.Token);
        raw.Csms = await connected.Task.WaitAsync(raw._cts.Token);
        return raw;
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, _cts.Token);

    public Task SendBinaryAsync(byte[] bytes) =>
        _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, _cts.Token);

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Sends <paramref name="text"/> split into WebSocket fragments of <paramref name="size"/> bytes.</summary>
    public async Task SendFragmentedAsync(string text, int size)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var count = Math.Min(size, bytes.Length - offset);
            await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count == bytes.Length, _cts.Token);
        }
    }

    /// <summary>The next text frame, or null when the server closed.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        wait.CancelAfter(timeout ?? TimeSpan.FromSeconds(5));
        var buffer = new byte[64 * 1024];
        var count = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(count), wait.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, count);
            }
        }
    }

    /// <summary>The next frame, parsed.</summary>
    public async Task<JsonElement> ReceiveFrameAsync()
    {
        var text = await ReceiveAsync() ?? throw new InvalidOperationException("server closed the connection");
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task CloseAsync() => await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, _cts.Token);

    public OcppFrameEvent[] Frames()
    {
        lock (CsmsFrames)
        {
            return [.. CsmsFrames];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Server.DisposeAsync();
        _cts.Dispose();
    }
}

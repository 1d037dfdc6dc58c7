using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Transport;

/// <summary>
/// An <see cref="IOcppChannel"/> over a <see cref="WebSocket"/>: reassembles fragmented text messages,
/// answers the close handshake, and serialises concurrent sends (a WebSocket allows one send at a time).
/// </summary>
public sealed class OcppWebSocketChannel : IOcppChannel
{
    /// <summary>The default largest message accepted: 4 MiB, far above any OCPP message yet bounded.</summary>
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly int _maxMessageBytes;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    // Rented only while a message is being read (see ReceiveMessageAsync): an idle connection holds no buffer, which is
    // most of a station's life in a load run (./sim --stations N: 16 KB a station otherwise).
    private byte[] _receiveBuffer = [];
    private int _disposed;
    private int _receiving;

    /// <summary>Wraps an open WebSocket; the channel owns and disposes it.</summary>
    public OcppWebSocketChannel(WebSocket socket, int maxMessageBytes = DefaultMaxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        _socket = socket;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>The close status the peer sent, once it closed.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>The close description the peer sent, once it closed.</summary>
    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    /// <summary>The underlying socket's state.</summary>
    public WebSocketState State => _socket.State;

    /// <inheritdoc />
    public async ValueTask SendAsync(string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            await _sendLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(bytes.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// A receive waits for the peer most of its life (between a station's samples, seconds): its state machines are
    /// pooled, or each receive's would live that long and die in the old generation, on both sides of a load run.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<string?> ReceiveAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _receiving);
        try
        {
            return await ReceiveMessageAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not WebSocketPingTimeoutException && ex.InnerException is WebSocketPingTimeoutException timeout)
        {
            // The keep-alive dropped the connection (PingingStream): say so, not "closed without the close handshake".
            throw new WebSocketPingTimeoutException(timeout.Message, ex);
        }
        finally
        {
            Interlocked.Decrement(ref _receiving);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<string?> ReceiveMessageAsync(CancellationToken ct)
    {
        // A zero-byte receive waits for the next frame's header without a buffer; the buffer is rented once data is
        // there and returned when the message is read.
        var first = await _socket.ReceiveAsync(Memory<byte>.Empty, ct).ConfigureAwait(false);
        if (first.MessageType == WebSocketMessageType.Close)
        {
            await AnswerCloseAsync(ct).ConfigureAwait(false);
            return null;
        }

        if (first.EndOfMessage)
        {
            if (first.MessageType == WebSocketMessageType.Binary)
            {
                await RejectAsync(WebSocketCloseStatus.InvalidMessageType, "OCPP-J uses text frames only", ct).ConfigureAwait(false);
                return null;
            }

            return "";
        }

        _receiveBuffer = ArrayPool<byte>.Shared.Rent(InitialReceiveBytes);
        try
        {
            return await ReadMessageAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            var buffer = _receiveBuffer;
            _receiveBuffer = [];
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<string?> ReadMessageAsync(CancellationToken ct)
    {
        var count = 0;
        while (true)
        {
            if (count == _receiveBuffer.Length)
            {
                Grow();
            }

            var result = await _socket.ReceiveAsync(_receiveBuffer.AsMemory(count), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await AnswerCloseAsync(ct).ConfigureAwait(false);
                return null;
            }

            count += result.Count;
            if (count > _maxMessageBytes)
            {
                await RejectAsync(WebSocketCloseStatus.MessageTooBig, $"message exceeds {_maxMessageBytes} bytes", ct).ConfigureAwait(false);
                return null;
            }

            if (!result.EndOfMessage)
            {
                continue;
            }

            if (result.MessageType == WebSocketMessageType.Binary)
            {
                // OCPP-J carries JSON in text frames only (1.6 §3, 2.x Part 4 §3).
                await RejectAsync(WebSocketCloseStatus.InvalidMessageType, "OCPP-J uses text frames only", ct).ConfigureAwait(false);
                return null;
            }

            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(_receiveBuffer, 0, count);
            }
            catch (DecoderFallbackException)
            {
                await RejectAsync(WebSocketCloseStatus.InvalidPayloadData, "text frame is not valid UTF-8", ct).ConfigureAwait(false);
                return null;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask CloseAsync(CancellationToken ct)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _sendLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref _receiving) > 0)
                {
                    // Only the close frame is sent here; the running receive reads the peer's close reply and
                    // ends, which completes the handshake without two concurrent receives.
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct).ConfigureAwait(false);
                }
                else
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }

    /// <summary>Aborts the socket if it is still open and releases its buffers.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            if (_socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
            {
                _socket.Abort();
            }

            _socket.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // A server-side socket whose HTTP request has already completed is released with it.
        }

        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private const int InitialReceiveBytes = 4 * 1024;

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(_receiveBuffer.Length * 2);
        _receiveBuffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_receiveBuffer);
        _receiveBuffer = larger;
    }

    private async ValueTask AnswerCloseAsync(CancellationToken ct)
    {
        if (_socket.State == WebSocketState.CloseReceived)
        {
            await CloseOutputQuietlyAsync(WebSocketCloseStatus.NormalClosure, null, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes because the peer broke the WebSocket contract, then reads until its close reply arrives so the
    /// close frame is not lost to a reset when the socket is released (waiting at most 2 s, real time).
    /// </summary>
    private async ValueTask RejectAsync(WebSocketCloseStatus status, string description, CancellationToken ct)
    {
        await CloseOutputQuietlyAsync(status, description, ct).ConfigureAwait(false);
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(ct);
        drain.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            var scratch = new byte[1024];
            while (_socket.State == WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(scratch.AsMemory(), drain.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer did not answer the close; releasing the socket ends it anyway.
        }
    }

    private async ValueTask CloseOutputQuietlyAsync(WebSocketCloseStatus status, string? description, CancellationToken ct)
    {
        try
        {
            await _sendLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(status, description, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // The peer vanished mid-close; the connection is over either way.
        }
    }
}

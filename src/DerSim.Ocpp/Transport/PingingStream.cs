using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace DerSim.Ocpp.Transport;

/// <summary>
/// The station's WebSocket keep-alive (OCPP's <c>WebSocketPingInterval</c>), kept by the stream under the client
/// WebSocket on a <see cref="TimeProvider"/>'s timer: every interval it sends a PING (RFC 6455 §5.5.2, masked as a
/// client's frames must be, §5.3), and when nothing at all came back within the next interval it drops the connection.
/// </summary>
/// <remarks>
/// .NET's own keep-alive (<see cref="WebSocketCreationOptions.KeepAliveTimeout"/>) does the same with a runtime timer per
/// socket that ticks four times an interval: a load run's 10,000 connections at 30 s made that 1,333 timer callbacks a
/// second on a runtime timer queue of 10,000 entries, about a tenth of the simulator's CPU. Here a connection costs one
/// timer of the provider given (one entry in <c>./sim</c>'s timer wheel) that fires once an interval.
/// The WebSocket writes each frame in one write (header and payload together), so a PING written between two of its
/// writes, under the same gate, never splits one of its frames (a socket queues concurrent sends, a TLS stream refuses
/// them). Any bytes received after a PING count as its answer, as in .NET's keep-alive: a CSMS busy sending is alive.
/// </remarks>
internal sealed class PingingStream : WrappingStream
{
    // FIN + opcode 0x9 (PING), then MASK + payload length 0, then the 4-byte masking key (RFC 6455 §5.2).
    private const byte FinPing = 0x89;
    private const byte MaskedEmpty = 0x80;
    private const int FrameBytes = 6;

    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly int _patience;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ITimer _timer;
    private WebSocket? _socket;
    private int _received;
    private int _awaiting;
    private int _pinging;
    private int _waited;
    private int _disposed;
    private WebSocketPingTimeoutException? _failure;

    /// <summary>
    /// Wraps <paramref name="inner"/>; the first PING goes one <paramref name="interval"/> after <see cref="Attach"/>, and
    /// one unanswered for <paramref name="timeout"/> (rounded up to whole intervals; default one interval) drops the connection.
    /// </summary>
    public PingingStream(Stream inner, TimeSpan interval, TimeProvider time, TimeSpan? timeout = null)
        : base(inner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _interval = interval;
        _timeout = timeout ?? interval;
        // Counted in ticks of the interval, not read off a clock: a tick a little early must not wait a whole extra one.
        _patience = Math.Max(1, (int)Math.Ceiling(_timeout / interval));
        _timer = time.CreateTimer(static state => ((PingingStream)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts the keep-alive of <paramref name="socket"/>, the WebSocket over this stream.</summary>
    public void Attach(WebSocket socket)
    {
        _socket = socket;
        _timer.Change(_interval, _interval);
    }

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Received(Inner.Read(buffer));
        }
        catch (Exception) when (Volatile.Read(ref _failure) is { } failure)
        {
            throw failure;
        }
    }

    // A read waits for the peer most of its life (a station's socket is idle between samples): a pooled state machine,
    // or each read's would live one sample interval and die in the old generation.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Received(await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception) when (Volatile.Read(ref _failure) is { } failure)
        {
            throw failure;
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _writeGate.Wait();
        try
        {
            Inner.Write(buffer);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Received(int count)
    {
        if (count > 0 && Volatile.Read(ref _received) == 0)
        {
            Volatile.Write(ref _received, 1);
        }

        return count;
    }

    private void Tick()
    {
        if (Volatile.Read(ref _disposed) != 0 || _socket is not { } socket)
        {
            return;
        }

        if (socket.State != WebSocketState.Open)
        {
            // Closing or closed: no PING after a close frame (RFC 6455 §5.5.1); the WebSocket disposes the stream.
            return;
        }

        if (Volatile.Read(ref _awaiting) == 1)
        {
            if (Interlocked.Exchange(ref _received, 0) == 0)
            {
                if (++_waited >= _patience)
                {
                    TimeOut();
                }

                // One PING at a time: the next goes once this one is answered.
                return;
            }

            Volatile.Write(ref _awaiting, 0);
        }

        _waited = 0;

        if (Interlocked.Exchange(ref _pinging, 1) == 0)
        {
            _ = PingAsync();
        }
    }

    private async Task PingAsync()
    {
        var frame = ArrayPool<byte>.Shared.Rent(FrameBytes);
        try
        {
            frame[0] = FinPing;
            frame[1] = MaskedEmpty;
            RandomNumberGenerator.Fill(frame.AsSpan(2, 4));
            await _writeGate.WaitAsync().ConfigureAwait(false);
            try
            {
                // Only what arrives after this PING answers it.
                Volatile.Write(ref _received, 0);
                Volatile.Write(ref _awaiting, 1);
                await Inner.WriteAsync(frame.AsMemory(0, FrameBytes)).ConfigureAwait(false);
            }
            finally
            {
                _writeGate.Release();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The connection is going: its receive reports why.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
            Volatile.Write(ref _pinging, 0);
        }
    }

    private void TimeOut()
    {
        Volatile.Write(ref _failure, new WebSocketPingTimeoutException(
            $"no answer to a WebSocket PING within {_timeout.TotalSeconds:0.###} s (WebSocketPingInterval); connection dropped"));
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // The pending receive fails at once and reports the failure above.
        Inner.Dispose();
    }
}

/// <summary>The CSMS answered no WebSocket PING within the ping interval: the station dropped the connection.</summary>
public sealed class WebSocketPingTimeoutException : IOException
{
    /// <summary>Creates the exception with its <paramref name="message"/>.</summary>
    public WebSocketPingTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its <paramref name="message"/> and what the WebSocket made of it.</summary>
    public WebSocketPingTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

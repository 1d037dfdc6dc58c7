namespace DerSim.Ocpp.Rpc;

/// <summary>One bidirectional pipe of text messages, normally a WebSocket.</summary>
public interface IOcppChannel : IAsyncDisposable
{
    /// <summary>Sends one complete text message.</summary>
    ValueTask SendAsync(string text, CancellationToken ct);

    /// <summary>Receives the next complete text message, or <see langword="null"/> once the peer closed the pipe.</summary>
    ValueTask<string?> ReceiveAsync(CancellationToken ct);

    /// <summary>Starts a clean close; a pending <see cref="ReceiveAsync"/> then returns <see langword="null"/>.</summary>
    ValueTask CloseAsync(CancellationToken ct);
}

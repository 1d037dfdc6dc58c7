namespace DerSim.Ocpp.Rpc;

/// <summary>A registered CALL handler; <paramref name="RequestType"/> is null for raw handlers.</summary>
/// <remarks>
/// One small object per handler and peer (a station registers two dozen; a load run has thousands of stations): the
/// payload types come from <see cref="PayloadTypes"/>, shared by every peer, resolved on the first CALL of the action.
/// </remarks>
internal abstract class CallHandler
{
    /// <summary>The type the request payload is read as; null for a raw handler.</summary>
    public abstract PayloadType? RequestType { get; }

    /// <summary>Reads the request of <paramref name="frame"/>.</summary>
    public abstract object? Prepare(InboundFrame frame);

    /// <summary>Runs the handler and writes its answer's payload.</summary>
    public abstract ValueTask<byte[]> Invoke(object? request, CancellationToken ct);
}

/// <summary>A typed CALL handler.</summary>
internal sealed class CallHandler<TRequest, TResponse>(Func<TRequest, CancellationToken, ValueTask<TResponse>> handler, System.Text.Json.JsonSerializerOptions json) : CallHandler
{
    public override PayloadType RequestType => PayloadTypes.Of<TRequest>(json);

    public override object? Prepare(InboundFrame frame) => frame.ReadPayload(RequestType);

    public override async ValueTask<byte[]> Invoke(object? request, CancellationToken ct) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(await handler((TRequest)request!, ct).ConfigureAwait(false), PayloadTypes.Of<TResponse>(json).Info);
}

/// <summary>An untyped CALL handler: payload in, payload out.</summary>
internal sealed class RawCallHandler(Func<System.Text.Json.JsonElement, CancellationToken, ValueTask<System.Text.Json.JsonElement>> handler) : CallHandler
{
    public override PayloadType? RequestType => null;

    public override object? Prepare(InboundFrame frame) => frame.ParsePayload();

    public override async ValueTask<byte[]> Invoke(object? request, CancellationToken ct) =>
        FrameWriter.ToUtf8(await handler((System.Text.Json.JsonElement)request!, ct).ConfigureAwait(false));
}

/// <summary>A registered SEND handler; <paramref name="RequestType"/> is null for raw handlers.</summary>
internal sealed record SendHandler(Func<InboundFrame, object?> Prepare, Func<object?, CancellationToken, ValueTask> Invoke, Func<PayloadType>? RequestType);

/// <summary>
/// The handlers a peer answers CALLs and SENDs with, by action. Registration and lookup may race (a station registers
/// handlers while its receive loop runs), so every access takes the registry's own lock.
/// </summary>
internal sealed class OcppHandlerRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CallHandler> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SendHandler> _sends = new(StringComparer.Ordinal);

    /// <summary>Sets (or replaces) the CALL handler of <paramref name="action"/>.</summary>
    public void SetCall(string action, CallHandler handler)
    {
        lock (_lock)
        {
            _calls[action] = handler;
        }
    }

    /// <summary>Sets (or replaces) the SEND handler of <paramref name="action"/>.</summary>
    public void SetSend(string action, SendHandler handler)
    {
        lock (_lock)
        {
            _sends[action] = handler;
        }
    }

    /// <summary>The CALL handler of <paramref name="action"/>, or null.</summary>
    public CallHandler? Call(string action)
    {
        lock (_lock)
        {
            return _calls.GetValueOrDefault(action);
        }
    }

    /// <summary>The SEND handler of <paramref name="action"/>, or null.</summary>
    public SendHandler? Send(string action)
    {
        lock (_lock)
        {
            return _sends.GetValueOrDefault(action);
        }
    }

    /// <summary>
    /// The type an inbound CALL's or SEND's payload is read as (its handler's request type), or null when no typed
    /// handler takes it; null for the other message types, whose payload type the pending call knows.
    /// </summary>
    public PayloadType? RequestTypeOf(OcppMessageType type, string action)
    {
        CallHandler? call = null;
        SendHandler? send = null;
        lock (_lock)
        {
            switch (type)
            {
                case OcppMessageType.Call:
                    call = _calls.GetValueOrDefault(action);
                    break;
                case OcppMessageType.Send:
                    send = _sends.GetValueOrDefault(action);
                    break;
                default:
                    break;
            }
        }

        return call?.RequestType ?? send?.RequestType?.Invoke();
    }
}

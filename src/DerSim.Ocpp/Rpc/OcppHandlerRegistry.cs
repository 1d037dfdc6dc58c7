namespace DerSim.Ocpp.Rpc;

/// <summary>A registered CALL handler; <paramref name="RequestType"/> is null for raw handlers.</summary>
internal sealed record CallHandler(Func<InboundFrame, object?> Prepare, Func<object?, CancellationToken, ValueTask<byte[]>> Invoke, Lazy<PayloadType>? RequestType);

/// <summary>A registered SEND handler; <paramref name="RequestType"/> is null for raw handlers.</summary>
internal sealed record SendHandler(Func<InboundFrame, object?> Prepare, Func<object?, CancellationToken, ValueTask> Invoke, Lazy<PayloadType>? RequestType);

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
    public Lazy<PayloadType>? RequestTypeOf(OcppMessageType type, string action)
    {
        lock (_lock)
        {
            return type switch
            {
                OcppMessageType.Call => _calls.GetValueOrDefault(action)?.RequestType,
                OcppMessageType.Send => _sends.GetValueOrDefault(action)?.RequestType,
                _ => null,
            };
        }
    }
}

namespace DerSim.Ocpp.Rpc;

/// <summary>A CALL got no answer within <see cref="OcppRpcOptions.CallTimeout"/>.</summary>
public sealed class OcppCallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a timed-out CALL.</summary>
    public OcppCallTimeoutException(string action, string messageId, TimeSpan timeout)
        : base($"{action} CALL (message id {messageId}) got no answer within {timeout.TotalSeconds:0.###} s")
    {
        Action = action;
        MessageId = messageId;
        Timeout = timeout;
    }

    /// <summary>Creates an empty instance.</summary>
    public OcppCallTimeoutException()
        : this(string.Empty, string.Empty, TimeSpan.Zero)
    {
    }

    /// <summary>Creates an instance with a message.</summary>
    public OcppCallTimeoutException(string message)
        : base(message)
    {
        Action = string.Empty;
        MessageId = string.Empty;
    }

    /// <summary>Creates an instance with a message and a cause.</summary>
    public OcppCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        Action = string.Empty;
        MessageId = string.Empty;
    }

    /// <summary>The action of the CALL.</summary>
    public string Action { get; }

    /// <summary>The message id of the CALL.</summary>
    public string MessageId { get; }

    /// <summary>How long the CALL waited.</summary>
    public TimeSpan Timeout { get; }
}

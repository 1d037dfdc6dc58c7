namespace DerSim.Ocpp.Rpc;

/// <summary>The connection closed while a CALL was waiting for its answer, or before it could be sent.</summary>
public sealed class OcppConnectionClosedException : IOException
{
    /// <summary>Creates the exception with a message.</summary>
    public OcppConnectionClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an instance with a default message.</summary>
    public OcppConnectionClosedException()
        : this("The OCPP connection is closed")
    {
    }

    /// <summary>Creates an instance with a message and a cause.</summary>
    public OcppConnectionClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

using System.Net;

namespace DerSim.Ocpp.Transport;

/// <summary>Why a connection attempt failed, for retry decisions and messages.</summary>
public enum OcppConnectFailure
{
    /// <summary>Anything else.</summary>
    Other,

    /// <summary>Nothing listens at the address, or the host is unreachable.</summary>
    Refused,

    /// <summary>The attempt took longer than the connect timeout.</summary>
    Timeout,

    /// <summary>TLS failed, usually an untrusted or mismatched server certificate.</summary>
    Tls,

    /// <summary>The server answered the upgrade with an HTTP error.</summary>
    Http,

    /// <summary>The server did not select our subprotocol.</summary>
    Subprotocol,

    /// <summary>The connection opened but closed again before it was established (see <see cref="OcppClient.MarkEstablished"/>).</summary>
    Dropped,
}

/// <summary>A connection to the CSMS could not be established; the message says why in plain words.</summary>
public sealed class OcppConnectException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OcppConnectException(string message, OcppConnectFailure failure, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>Creates an empty instance.</summary>
    public OcppConnectException()
        : this("connection failed", OcppConnectFailure.Other)
    {
    }

    /// <summary>Creates an instance with a message.</summary>
    public OcppConnectException(string message)
        : this(message, OcppConnectFailure.Other)
    {
    }

    /// <summary>Creates an instance with a message and a cause.</summary>
    public OcppConnectException(string message, Exception innerException)
        : this(message, OcppConnectFailure.Other, null, innerException)
    {
    }

    /// <summary>The kind of failure.</summary>
    public OcppConnectFailure Failure { get; }

    /// <summary>The HTTP status of a refused upgrade, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }
}

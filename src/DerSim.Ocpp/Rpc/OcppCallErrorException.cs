using System.Text.Json;

namespace DerSim.Ocpp.Rpc;

/// <summary>
/// A CALL was answered with a CALLERROR (or its CALLRESULT was unusable). Thrown by a handler, it
/// makes the peer answer with this code instead of InternalError.
/// </summary>
public sealed class OcppCallErrorException : Exception
{
    /// <summary>Creates the exception for a CALLERROR.</summary>
    public OcppCallErrorException(string errorCode, string errorDescription, JsonElement? errorDetails = null, string? action = null, string? messageId = null)
        : base(Describe(errorCode, errorDescription, action, messageId))
    {
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
        ErrorDetails = errorDetails;
        Action = action;
        MessageId = messageId;
    }

    /// <summary>Creates an InternalError.</summary>
    public OcppCallErrorException()
        : this(RpcErrorCodes.InternalError, string.Empty)
    {
    }

    /// <summary>Creates an InternalError with a description.</summary>
    public OcppCallErrorException(string message)
        : this(RpcErrorCodes.InternalError, message)
    {
    }

    /// <summary>Creates an InternalError with a description and a cause.</summary>
    public OcppCallErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = RpcErrorCodes.InternalError;
        ErrorDescription = message;
    }

    /// <summary>The error code, in the official spelling of the connection's version.</summary>
    public string ErrorCode { get; }

    /// <summary>The error description.</summary>
    public string ErrorDescription { get; }

    /// <summary>The error details object, when one was sent.</summary>
    public JsonElement? ErrorDetails { get; }

    /// <summary>The action of the failed CALL.</summary>
    public string? Action { get; }

    /// <summary>The message id of the failed CALL.</summary>
    public string? MessageId { get; }

    /// <summary>The code exactly as it was on the wire (may be the other version's spelling).</summary>
    public string? WireErrorCode { get; init; }

    private static string Describe(string code, string description, string? action, string? messageId)
    {
        var what = action is null ? "CALL" : $"{action} CALL";
        var id = messageId is null ? string.Empty : $" (message id {messageId})";
        return string.IsNullOrEmpty(description)
            ? $"{what}{id} failed with {code}"
            : $"{what}{id} failed with {code}: {description}";
    }
}

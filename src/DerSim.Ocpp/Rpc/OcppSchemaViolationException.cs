using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Rpc;

/// <summary>
/// A payload we were about to send breaks its schema (or the action may not be sent by our role),
/// so it was not sent. Turn <see cref="OcppRpcOptions.ValidateOutbound"/> off to send it anyway.
/// </summary>
public sealed class OcppSchemaViolationException : Exception
{
    /// <summary>Creates the exception for <paramref name="action"/>.</summary>
    public OcppSchemaViolationException(string action, PayloadKind kind, IReadOnlyList<SchemaViolation> violations)
        : base($"{action} {(kind == PayloadKind.Request ? "request" : "response")} not sent: {string.Join("; ", violations)}")
    {
        Action = action;
        Kind = kind;
        Violations = violations;
    }

    /// <summary>Creates an empty instance.</summary>
    public OcppSchemaViolationException()
        : this(string.Empty, PayloadKind.Request, [])
    {
    }

    /// <summary>Creates an instance with a message.</summary>
    public OcppSchemaViolationException(string message)
        : base(message)
    {
        Action = string.Empty;
        Violations = [];
    }

    /// <summary>Creates an instance with a message and a cause.</summary>
    public OcppSchemaViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Action = string.Empty;
        Violations = [];
    }

    /// <summary>The action of the payload.</summary>
    public string Action { get; }

    /// <summary>Whether the payload was a request or a response.</summary>
    public PayloadKind Kind { get; }

    /// <summary>What is wrong with it.</summary>
    public IReadOnlyList<SchemaViolation> Violations { get; }
}

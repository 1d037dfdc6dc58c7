using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Rpc;

/// <summary>One frame that crossed the wire, with what the RPC layer made of it.</summary>
/// <param name="Direction">Received or sent.</param>
/// <param name="Timestamp">When, from the peer's <see cref="TimeProvider"/>.</param>
/// <param name="Raw">The exact text on the wire.</param>
/// <param name="MessageType">The message type, or <see langword="null"/> when the frame could not be read as one.</param>
/// <param name="MessageId">The message id, when readable.</param>
/// <param name="Action">The action: of the CALL/SEND itself, or of the CALL a response answers.</param>
/// <param name="Violations">Schema violations of the payload (empty when valid or not validated).</param>
/// <param name="Latency">For a response to our CALL: time since the CALL was sent.</param>
/// <param name="ErrorCode">For CALLERROR/CALLRESULTERROR: the code as on the wire.</param>
public sealed record OcppFrameEvent(
    FrameDirection Direction,
    DateTimeOffset Timestamp,
    string Raw,
    OcppMessageType? MessageType,
    string? MessageId,
    string? Action,
    IReadOnlyList<SchemaViolation> Violations,
    TimeSpan? Latency,
    string? ErrorCode)
{
    /// <summary>
    /// What was unusual about the frame, e.g. "answer to unknown message id", "late answer to a timed-out CALL",
    /// "unparseable frame". <see langword="null"/> for an ordinary frame.
    /// </summary>
    public string? Note { get; init; }
}
